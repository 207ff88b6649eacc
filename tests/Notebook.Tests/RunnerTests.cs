using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Documents;
using RnnWorkbook.Notebook.Runner;

namespace RnnWorkbook.Notebook.Tests;

public class RunnerTests
{
    private readonly StringWriter _log = new();

    private async Task<(NotebookRunResult Result, JsonObject Executed)> RunAsync(string path, RunOptions? options = null)
    {
        var runner = new NotebookRunner(options ?? new RunOptions(OutputDirectory: Path.Combine(Path.GetDirectoryName(path)!, "out")), _log);
        var result = await runner.RunAsync(path);
        return (result, JsonNode.Parse(File.ReadAllText(result.OutputPath!))!.AsObject());
    }

    [Fact]
    public async Task Every_output_type_is_written_as_nbformat()
    {
        using var folder = new TempFolder();
        var path = Notebooks.WriteIpynb(folder, "all.ipynb",
        [
            NotebookTemplate.MarkdownCell("# Title"),
            NotebookTemplate.CodeCell("Console.WriteLine(\"a\");\nConsole.WriteLine(\"b\");\nConsole.Error.Write(\"c\");"),
            NotebookTemplate.CodeCell("var h = display(\"first\");\nh.Update(\"second\");\n6 * 7"),
            Notebooks.Tagged("throw new InvalidOperationException(\"expected\");", "raises-exception"),
            NotebookTemplate.CodeCell("#!time\nvar z = 1;"),
        ]);

        var (result, executed) = await RunAsync(path);

        Assert.True(result.Succeeded, result.DescribeFailure());
        Assert.Equal(4, result.CellsRun);
        var streams = Notebooks.Outputs(executed, 1);
        Assert.Equal(2, streams.Count);
        Assert.Equal("a\nb\n", Notebooks.Text(streams[0]!["text"]));
        Assert.Equal(["a\n", "b\n"], streams[0]!["text"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("stderr", streams[1]!["name"]!.GetValue<string>());

        var display = Notebooks.Outputs(executed, 2);
        Assert.Equal("display_data", display[0]!["output_type"]!.GetValue<string>());
        Assert.Equal("second", Notebooks.Text(display[0]!["data"]!["text/plain"]));
        Assert.Equal("execute_result", display[1]!["output_type"]!.GetValue<string>());
        Assert.Equal("42", Notebooks.Text(display[1]!["data"]!["text/plain"]));
        Assert.Equal(2, display[1]!["execution_count"]!.GetValue<int>());

        var error = Assert.Single(Notebooks.Outputs(executed, 3))!;
        Assert.Equal("error", error["output_type"]!.GetValue<string>());
        Assert.Equal("System.InvalidOperationException", error["ename"]!.GetValue<string>());
        Assert.Equal("expected", error["evalue"]!.GetValue<string>());

        Assert.StartsWith("Wall time: ", Notebooks.Text(Notebooks.Outputs(executed, 4)[0]!["text"]));
        Assert.Equal([null, 1, 2, 3, 4], executed["cells"]!.AsArray().Select(c => c!["execution_count"]?.GetValue<int>()));
        Assert.Contains("cell   4  ok (raised, as tagged)", _log.ToString());
    }

    [Fact]
    public async Task A_failing_cell_stops_the_notebook_and_names_notebook_cell_and_line()
    {
        using var folder = new TempFolder();
        var path = Notebooks.WriteIpynb(folder, "fail.ipynb", "var a = 1;", "var b = 2;\nthrow new Exception(\"bad input\");", "var c = 3;");

        var (result, executed) = await RunAsync(path);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.FailedCellNumber);
        Assert.Equal(2, result.CellsRun);
        Assert.Equal($"{path}, cell 2, line 2: System.Exception: bad input", result.DescribeFailure());
        Assert.Null(executed["cells"]![2]!["execution_count"]?.GetValue<int>());
        Assert.Empty(Notebooks.Outputs(executed, 2));
    }

    [Fact]
    public async Task A_cell_past_its_timeout_ends_the_run_with_a_clear_message()
    {
        using var folder = new TempFolder();
        var path = Notebooks.WriteIpynb(folder, "slow.ipynb", "System.Threading.Thread.Sleep(20_000);", "var never = 1;");

        var (result, executed) = await RunAsync(path, new RunOptions(TimeSpan.FromSeconds(1), folder.File("out")));

        Assert.True(result.TimedOut);
        Assert.Equal(1, result.FailedCellNumber);
        Assert.Equal("TimeoutError", result.Error!.Name);
        Assert.Contains("did not finish within 1 s", result.Error.Message);
        Assert.Equal("TimeoutError", Notebooks.Outputs(executed, 0)[0]!["ename"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cells_in_another_language_fail_naming_it()
    {
        using var folder = new TempFolder();
        var path = Notebooks.WriteIpynb(folder, "fs.ipynb", [NotebookTemplate.CodeCell("let x = 1", "fsharp")]);
        var (result, _) = await RunAsync(path);
        Assert.Contains("language is 'fsharp'", result.Error!.Message);
    }

    [Fact]
    public async Task In_place_runs_rewrite_the_notebook_and_keep_metadata()
    {
        using var folder = new TempFolder();
        var cell = NotebookTemplate.CodeCell("1 + 2");
        cell["metadata"]!["custom"] = "kept";
        var path = Notebooks.WriteIpynb(folder, "inplace.ipynb", [cell]);

        var (result, executed) = await RunAsync(path, new RunOptions(InPlace: true));

        Assert.Equal(path, result.OutputPath);
        Assert.Equal("kept", executed["cells"]![0]!["metadata"]!["custom"]!.GetValue<string>());
        Assert.Equal("3", Notebooks.Text(Notebooks.Outputs(executed, 0)[0]!["data"]!["text/plain"]));
        Assert.Equal(["inplace.ipynb"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_dib_notebook_runs_and_is_written_as_ipynb()
    {
        using var folder = new TempFolder();
        var path = folder.File("text.dib");
        File.WriteAllText(path, "#!markdown\n\n# Hi\n\n#!csharp\n\n\"hello\".ToUpperInvariant()\n");
        var (result, executed) = await RunAsync(path);
        Assert.EndsWith("text.ipynb", result.OutputPath);
        Assert.Equal("HELLO", Notebooks.Text(Notebooks.Outputs(executed, 1)[0]!["data"]!["text/plain"]));
    }
}
