namespace RnnWorkbook.Notebook.Tests;

public class CliTests
{
    private static async Task<(int Code, string Out, string Err)> Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await Notebook.Cli.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Run_exits_zero_when_every_cell_passes_and_one_when_a_cell_fails()
    {
        using var folder = new TempFolder();
        Notebooks.WriteIpynb(folder, "a-good.ipynb", "1 + 1");
        Notebooks.WriteIpynb(folder, "b-bad.ipynb", "throw new Exception(\"no\");");

        var (code, output, _) = await Cli("run", folder.Path, "--output", folder.File("out"));

        Assert.Equal(1, code);
        Assert.Contains("1 notebooks passed, 1 failed", output);
        Assert.Contains("b-bad.ipynb, cell 1, line 1: System.Exception: no", output);
        Assert.True(File.Exists(folder.File("out/a-good.ipynb")));
    }

    [Fact]
    public async Task Fail_fast_stops_after_the_first_failing_notebook()
    {
        using var folder = new TempFolder();
        Notebooks.WriteIpynb(folder, "a-bad.ipynb", "throw new Exception(\"no\");");
        Notebooks.WriteIpynb(folder, "b-good.ipynb", "1");

        var (code, output, _) = await Cli("run", folder.Path, "--output", folder.File("out"), "--fail-fast");

        Assert.Equal(1, code);
        Assert.DoesNotContain("b-good", output);
    }

    [Theory]
    [InlineData("run --timeout -3 x.ipynb", "--timeout expects a positive number of seconds, got '-3'")]
    [InlineData("run missing.ipynb", "'missing.ipynb' is not a notebook")]
    [InlineData("run --inplace --output o x.ipynb", "--output and --inplace cannot be used together")]
    [InlineData("frobnicate", "unknown command 'frobnicate'")]
    public async Task Bad_arguments_exit_two_with_a_message(string arguments, string expected)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("x.ipynb"), "{}");
        var args = arguments.Split(' ').Select(a => a == "x.ipynb" ? folder.File("x.ipynb") : a).ToArray();

        var (code, _, error) = await Cli(args);

        Assert.Equal(2, code);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Convert_turns_a_dib_into_an_ipynb_without_outputs()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("n.dib"), "#!csharp\n\n1 + 1\n");
        var (code, _, _) = await Cli("convert", folder.File("n.dib"));
        Assert.Equal(0, code);
        var notebook = Documents.NotebookDocument.Load(folder.File("n.ipynb"));
        Assert.Equal("1 + 1", Assert.Single(notebook.Cells).Source);
    }

    [Fact]
    public async Task Clear_removes_outputs_and_counts_in_place()
    {
        using var folder = new TempFolder();
        var path = Notebooks.WriteIpynb(folder, "ran.ipynb", "1 + 1");
        await Cli("run", path, "--inplace");
        Assert.NotEmpty(Documents.NotebookDocument.Load(path).Cells[0].Json["outputs"]!.AsArray());

        var (code, _, _) = await Cli("clear", folder.Path);

        Assert.Equal(0, code);
        var cell = Documents.NotebookDocument.Load(path).Cells[0].Json;
        Assert.Empty(cell["outputs"]!.AsArray());
        Assert.Null(cell["execution_count"]);
    }

    [Fact]
    public async Task Doctor_reports_torch_the_library_and_the_data()
    {
        var (code, output, _) = await Cli("doctor");

        Assert.Equal(0, code);
        Assert.Contains("torch      loads in the engine: ones(3).sum() = 3", output);
        Assert.Contains(Path.Combine("lib", "RnnWorkbook", "bin", "RnnWorkbook.dll"), output);
        Assert.Contains("TorchSharp loads", output);
        Assert.Contains("tinyshakespeare/input.txt", output);
    }
}
