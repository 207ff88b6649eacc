using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Kernel;

namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary>complete_request, inspect_request and is_complete_request over the sockets.</summary>
public sealed class KernelEditorTests : IAsyncLifetime
{
    private TestKernel _kernel = null!;

    private KernelTestClient Client => _kernel.Client;

    public Task InitializeAsync()
    {
        _kernel = new TestKernel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _kernel.DisposeAsync();

    private JsonObject Complete(string code, int? cursor = null) =>
        Client.Request(KernelChannel.Shell, "complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = cursor ?? code.Length }).Content;

    private static List<string> Matches(JsonObject reply) => reply["matches"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();

    [Fact]
    public void Members_are_completed_after_a_dot()
    {
        var reply = Complete("var s = \"abc\".");

        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.Contains("Length", Matches(reply));
        Assert.Contains("Substring", Matches(reply));
        Assert.Equal(14, reply["cursor_start"]!.GetValue<int>());
        Assert.Equal(14, reply["cursor_end"]!.GetValue<int>());
        var types = reply["metadata"]!["_jupyter_types_experimental"]!.AsArray();
        Assert.Equal("property", types.Single(t => t!["text"]!.GetValue<string>() == "Length")!["type"]!.GetValue<string>());
        Assert.Equal("method", types.Single(t => t!["text"]!.GetValue<string>() == "Substring")!["type"]!.GetValue<string>());
    }

    [Fact]
    public void A_typed_prefix_filters_the_matches_and_is_the_span_to_replace()
    {
        var reply = Complete("\"abc\".Sub");

        Assert.Contains("Substring", Matches(reply));
        Assert.DoesNotContain("Length", Matches(reply));
        Assert.Equal(6, reply["cursor_start"]!.GetValue<int>());
        Assert.Equal(9, reply["cursor_end"]!.GetValue<int>());
    }

    [Fact]
    public void Variables_and_functions_of_earlier_cells_are_completed()
    {
        Assert.Equal("ok", Client.Execute("var learningRate = 0.1;").Status);
        Assert.Equal("ok", Client.Execute("double Decay(double rate) => rate / 2;").Status);

        var names = Matches(Complete("Decay(lear"));
        var members = Matches(Complete("learningRate.Equ"));

        Assert.Contains("learningRate", names);
        Assert.Contains("Equals", members);
        Assert.Contains("Decay", Matches(Complete("Dec")));
    }

    [Fact]
    public void Completion_at_a_cursor_inside_the_cell_uses_only_the_text_before_it()
    {
        var code = "Math.Ma\nvar y = 2;";
        var reply = Complete(code, cursor: 7);

        Assert.Contains("Max", Matches(reply));
        Assert.Equal(5, reply["cursor_start"]!.GetValue<int>());
    }

    [Fact]
    public void Inspect_shows_the_signature_and_documentation_of_the_symbol_at_the_cursor()
    {
        var reply = Client.Request(KernelChannel.Shell, "inspect_request", new JsonObject { ["code"] = "Math.Max(1, 2)", ["cursor_pos"] = 7, ["detail_level"] = 0 }).Content;

        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        Assert.True(reply["found"]!.GetValue<bool>());
        var text = reply["data"]!["text/plain"]!.GetValue<string>();
        Assert.Contains("int Math.Max(int val1, int val2)", text);
        Assert.Contains("Returns the larger of two", text);
    }

    [Fact]
    public void Inspect_knows_variables_of_earlier_cells_and_reports_nothing_found_on_blank_space()
    {
        Client.Execute("var vocabulary = new List<string>();");

        var found = Client.Request(KernelChannel.Shell, "inspect_request", new JsonObject { ["code"] = "vocabulary", ["cursor_pos"] = 3 }).Content;
        var nothing = Client.Request(KernelChannel.Shell, "inspect_request", new JsonObject { ["code"] = "   ", ["cursor_pos"] = 1 }).Content;

        Assert.Contains("List<string> vocabulary", found["data"]!["text/plain"]!.GetValue<string>());
        Assert.False(nothing["found"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("var x = 1;", "complete", null)]
    [InlineData("1 + 1", "complete", null)]
    [InlineData("#!time\nvar x = 1;", "complete", null)]
    [InlineData("for (var i = 0; i < 3; i++)\n{", "incomplete", "    ")]
    [InlineData("void F()\n{\n    if (true)\n    {", "incomplete", "        ")]
    [InlineData("var xs = new[] { 1, 2,", "incomplete", "    ")]
    [InlineData("Console.WriteLine(", "incomplete", "    ")]
    [InlineData("var text = @\"first line", "incomplete", "")]
    [InlineData("var raw = \"\"\"\nopen", "incomplete", "")]
    [InlineData("/* a comment", "incomplete", "")]
    [InlineData("var y = ;", "invalid", null)]
    [InlineData("}", "invalid", null)]
    public void Is_complete_uses_the_csharp_parser(string code, string status, string? indent)
    {
        var reply = Client.Request(KernelChannel.Shell, "is_complete_request", new JsonObject { ["code"] = code }).Content;

        Assert.Equal(status, reply["status"]!.GetValue<string>());
        Assert.Equal(indent, reply["indent"]?.GetValue<string>());
    }
}
