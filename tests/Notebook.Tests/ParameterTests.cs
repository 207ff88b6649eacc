using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Documents;
using RnnWorkbook.Notebook.Runner;

namespace RnnWorkbook.Notebook.Tests;

public class ParameterTests
{
    private readonly StringWriter _log = new();

    private static JsonObject[] Chapter() =>
    [
        NotebookTemplate.MarkdownCell("# A chapter"),
        Notebooks.Tagged("int epochs = 3;\nstring corpus = \"all\"; // the whole corpus\ndouble rate = 0.5, decay = 0.9;", NotebookParameters.ParametersTag),
        NotebookTemplate.CodeCell("$\"{epochs.GetType().Name} {epochs} {corpus} {rate} {decay}\""),
    ];

    private async Task<(NotebookRunResult Result, JsonObject? Executed)> RunAsync(string path, params string[] assignments)
    {
        var options = new RunOptions(OutputDirectory: Path.Combine(Path.GetDirectoryName(path)!, "out"),
            Parameters: assignments.Select(NotebookParameters.ParseAssignment).ToList());
        var result = await new NotebookRunner(options, _log).RunAsync(path);
        return (result, result.OutputPath is { } output ? JsonNode.Parse(File.ReadAllText(output))!.AsObject() : null);
    }

    [Fact]
    public void Declarations_of_a_parameters_cell_keep_name_and_type_in_order()
    {
        var declared = NotebookParameters.Declarations("int epochs = 3;\n// a comment\nconst int Seed = 1;\nvar names = new List<string>();\nstring corpus = \"all\";\nConsole.WriteLine(epochs);");

        Assert.Equal(
            [new("epochs", "int", false), new("Seed", "int", true), new("names", "var", false), new("corpus", "string", false)],
            declared);
    }

    [Fact]
    public async Task Injected_cell_follows_the_parameters_cell_and_keeps_the_declared_types()
    {
        using var folder = new TempFolder();
        var path = Notebooks.WriteIpynb(folder, "chapter.ipynb", Chapter());

        var (result, executed) = await RunAsync(path, "epochs=1", "corpus=\"small\"", "decay = 0.5 * 2");

        Assert.True(result.Succeeded, result.DescribeFailure());
        var cells = executed!["cells"]!.AsArray();
        Assert.Equal(4, cells.Count);
        var injected = cells[2]!;
        Assert.Equal(["injected-parameters"], injected["metadata"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("// Injected parameters\nepochs = 1;\ncorpus = \"small\";\ndecay = 0.5 * 2;", Notebooks.Text(injected["source"]));
        Assert.Equal("csharp", injected["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        Assert.Equal("Int32 1 small 0.5 1", Notebooks.Text(Notebooks.Outputs(executed, 3)[0]!["data"]!["text/plain"]));
        Assert.Equal([null, 1, 2, 3], cells.Select(c => c!["execution_count"]?.GetValue<int>()));
    }

    [Fact]
    public async Task Without_values_the_notebook_runs_as_committed()
    {
        using var folder = new TempFolder();
        var path = Notebooks.WriteIpynb(folder, "chapter.ipynb", Chapter());

        var (result, executed) = await RunAsync(path);

        Assert.True(result.Succeeded, result.DescribeFailure());
        Assert.Equal(3, executed!["cells"]!.AsArray().Count);
        Assert.Equal("Int32 3 all 0.5 0.9", Notebooks.Text(Notebooks.Outputs(executed, 2)[0]!["data"]!["text/plain"]));
    }

    [Fact]
    public void An_existing_injected_cell_is_replaced()
    {
        using var folder = new TempFolder();
        var path = Notebooks.WriteIpynb(folder, "chapter.ipynb", Chapter());
        var notebook = NotebookDocument.Load(path);

        NotebookParameters.Inject(notebook, [new("epochs", "1")]);
        NotebookParameters.Inject(notebook, [new("epochs", "2")]);

        Assert.Equal(4, notebook.Cells.Count);
        Assert.Equal(4, notebook.Json["cells"]!.AsArray().Count);
        Assert.Equal("// Injected parameters\nepochs = 2;", notebook.Cells[2].Source);
    }

    [Fact]
    public async Task An_unknown_name_fails_naming_the_declared_parameters()
    {
        using var folder = new TempFolder();
        var path = Notebooks.WriteIpynb(folder, "chapter.ipynb", Chapter());

        var (result, _) = await RunAsync(path, "epoch=1");

        Assert.False(result.Succeeded);
        Assert.Equal(
            $"{path}: 'epoch' is not a parameter of this notebook; its parameters cell declares int epochs, string corpus, double rate, double decay.",
            result.Error!.Message);
    }

    [Fact]
    public async Task A_notebook_without_a_parameters_cell_given_values_fails_clearly()
    {
        using var folder = new TempFolder();
        var path = Notebooks.WriteIpynb(folder, "plain.ipynb", "var x = 1;");

        var (result, _) = await RunAsync(path, "epochs=1", "corpus=\"x\"");

        Assert.False(result.Succeeded);
        Assert.Equal($"{path} has no code cell tagged 'parameters', so it takes no parameters (given: epochs, corpus).", result.Error!.Message);
    }

    [Theory]
    [InlineData("epochs=", "the value of 'epochs' must be a C# expression, got ''.")]
    [InlineData("epochs=1; File.Delete(\"x\")", "the value of 'epochs' must be a C# expression, got '1; File.Delete(\"x\")'.")]
    public void A_value_that_is_not_one_expression_fails(string assignment, string message)
    {
        using var folder = new TempFolder();
        var notebook = NotebookDocument.Load(Notebooks.WriteIpynb(folder, "chapter.ipynb", Chapter()));

        var error = Assert.Throws<RnnWorkbook.Notebook.Execution.NotebookException>(
            () => NotebookParameters.Inject(notebook, [NotebookParameters.ParseAssignment(assignment)]));

        Assert.EndsWith(message, error.Message);
    }

    [Theory]
    [InlineData("epochs")]
    [InlineData("=1")]
    [InlineData("two words=1")]
    public void A_malformed_assignment_is_an_argument_error(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => NotebookParameters.ParseAssignment(text));

        Assert.Equal($"--parameter expects name=value with a C# identifier as name, got '{text}'.", error.Message);
    }

    [Fact]
    public async Task The_run_command_takes_repeated_parameter_options()
    {
        using var folder = new TempFolder();
        var path = Notebooks.WriteIpynb(folder, "chapter.ipynb", Chapter());
        var stdout = new StringWriter();

        var code = await Cli.RunAsync(["run", path, "--output", folder.File("out"), "--parameter", "epochs=7", "--parameter", "rate=1e-3"], stdout, TextWriter.Null);

        Assert.True(code == 0, stdout.ToString());
        var executed = JsonNode.Parse(File.ReadAllText(folder.File("out/chapter.ipynb")))!.AsObject();
        Assert.Equal("Int32 7 all 0.001 0.9", Notebooks.Text(Notebooks.Outputs(executed, 3)[0]!["data"]!["text/plain"]));
    }
}
