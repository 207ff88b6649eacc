using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Kernel;

namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary>A request whose fields have the wrong types gets an error reply naming the field; the kernel goes on.</summary>
public sealed class KernelRequestFieldTests : IAsyncLifetime
{
    private TestKernel _kernel = null!;

    private KernelTestClient Client => _kernel.Client;

    public Task InitializeAsync()
    {
        _kernel = new TestKernel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _kernel.DisposeAsync();

    public static TheoryData<string, string, string, string> WrongTypes() => new()
    {
        { "shell", "execute_request", """{ "code": 5 }""", "execute_request: the field 'code' must be a string, not the number 5." },
        { "shell", "execute_request", """{ "code": "1", "silent": "no" }""", "execute_request: the field 'silent' must be true or false, not the string \"no\"." },
        { "shell", "execute_request", """{ "code": "1", "stop_on_error": [] }""", "execute_request: the field 'stop_on_error' must be true or false, not an array." },
        { "shell", "complete_request", """{ "code": "Math.", "cursor_pos": "5" }""", "complete_request: the field 'cursor_pos' must be an integer, not the string \"5\"." },
        { "shell", "inspect_request", """{ "code": {}, "cursor_pos": 1 }""", "inspect_request: the field 'code' must be a string, not an object." },
        { "shell", "is_complete_request", """{ "code": 1.5 }""", "is_complete_request: the field 'code' must be a string, not the number 1.5." },
        { "shell", "shutdown_request", """{ "restart": 1 }""", "shutdown_request: the field 'restart' must be true or false, not the number 1." },
        { "control", "shutdown_request", """{ "restart": "true" }""", "shutdown_request: the field 'restart' must be true or false, not the string \"true\"." },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void A_field_of_the_wrong_type_gets_an_error_reply_naming_it(string channelName, string type, string content, string message)
    {
        var channel = channelName == "control" ? KernelChannel.Control : KernelChannel.Shell;
        Assert.Equal("ok", Client.Execute("var kept = 41;").Status);

        var reply = Client.Request(channel, type, JsonNode.Parse(content)!.AsObject());

        Assert.Equal(type.Replace("_request", "_reply"), reply.Type);
        Assert.Equal("error", reply.Content["status"]!.GetValue<string>());
        Assert.Equal("InvalidRequest", reply.Content["ename"]!.GetValue<string>());
        Assert.Equal(message, reply.Content["evalue"]!.GetValue<string>());
        var after = Client.Execute("kept + 1");
        Assert.Equal("42", Assert.Single(after.OfType("execute_result")).Content["data"]!["text/plain"]!.GetValue<string>());
    }

    [Fact]
    public void An_execute_request_with_a_wrong_field_runs_nothing_and_counts_nothing()
    {
        Assert.Equal("ok", Client.Execute("var runs = 0;").Status);

        var reply = Client.Request(KernelChannel.Shell, "execute_request", new JsonObject { ["code"] = "runs++;", ["store_history"] = "yes" });

        Assert.Equal(1, reply.Content["execution_count"]!.GetValue<int>());
        var after = Client.Execute("runs");
        Assert.Equal("0", Assert.Single(after.OfType("execute_result")).Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal(2, after.Reply.Content["execution_count"]!.GetValue<int>());
    }
}
