using RnnWorkbook.Notebook.Execution;

namespace RnnWorkbook.Notebook.Tests;

public class SessionTests
{
    private readonly ScriptSession _session = new(Path.Combine(Repository.Notebooks, "test.ipynb"));
    private readonly RecordingSink _sink = new();

    private Task<CellRun> Run(string source, int cell = 1) => _session.RunAsync(source, cell, _sink);

    [Fact]
    public async Task State_carries_from_cell_to_cell_and_the_last_expression_is_the_result()
    {
        Assert.Null((await Run("var x = 20;")).Result);
        var run = await Run("int Twice(int v) => 2 * v;\nTwice(x) + 2", 2);

        Assert.True(run.Succeeded);
        Assert.Equal("42", run.Result!.PlainText);
        Assert.Contains("42", run.Result.Data["text/html"].GetValue<string>());
        Assert.Equal(2, _session.ExecutionCount);
    }

    [Fact]
    public async Task Console_output_is_captured_as_stdout_and_stderr_streams()
    {
        await Run("Console.WriteLine(\"out\"); Console.Error.WriteLine(\"err\"); Console.Write(1.5);");
        Assert.Equal("out\n1.5", _sink.Stdout.Replace("\r", ""));
        Assert.Equal("err\n", _sink.Stderr);
    }

    [Fact]
    public async Task Display_shows_a_value_and_its_handle_updates_it_in_place()
    {
        var run = await Run("var h = display(\"step 1\");\nh.Update(\"step 2\");\nh.DisplayId");

        var shown = Assert.Single(_sink.Displays);
        var update = Assert.Single(_sink.Updates);
        Assert.Equal("step 1", shown.Bundle.PlainText);
        Assert.Equal("step 2", update.Bundle.PlainText);
        Assert.Equal(shown.Id, update.Id);
        Assert.Equal(shown.Id, run.Result!.PlainText);
    }

    [Fact]
    public async Task Compile_errors_point_at_the_line_and_column_inside_the_cell()
    {
        var run = await Run("var a = 1;\nvar b = 2;\nvar c = a + missing;", cell: 7);

        Assert.Equal("CompilationError", run.Error!.Name);
        Assert.Equal(3, run.Error.Line);
        Assert.Equal(13, run.Error.Column);
        Assert.Contains("CS0103", run.Error.Message);
        Assert.Contains("(3,13): error CS0103", run.Error.Traceback[0]);
    }

    [Fact]
    public async Task Magic_lines_do_not_shift_compile_error_positions()
    {
        var run = await Run("#!time\n#r \"nuget: Plotly.NET, 6.0.0\"\nundefinedName");
        Assert.Equal(3, run.Error!.Line);
        Assert.Equal(1, run.Error.Column);
        Assert.True(run.Timed);
    }

    [Fact]
    public async Task Runtime_errors_report_the_exception_and_the_line_inside_the_cell()
    {
        var run = await Run("var list = new List<int>();\n\nvar first = list[0];", cell: 4);

        Assert.Equal("System.ArgumentOutOfRangeException", run.Error!.Name);
        Assert.Equal(3, run.Error.Line);
        Assert.Contains("in cell, line 3", string.Join("\n", run.Error.Traceback));
    }

    [Fact]
    public async Task A_runtime_error_in_a_function_from_an_earlier_cell_points_at_that_line()
    {
        await Run("void Fail()\n{\n    throw new InvalidOperationException(\"deep\");\n}");
        var run = await Run("Fail();", 2);
        Assert.Equal("deep", run.Error!.Message);
        Assert.Equal(3, run.Error.Line);
    }

    [Fact]
    public async Task A_failed_cell_keeps_what_it_assigned_and_the_session_goes_on()
    {
        var failed = await Run("var kept = 5;\nthrow new Exception(\"stop\");");
        var next = await Run("kept * 2", 2);

        Assert.Equal("stop", failed.Error!.Message);
        Assert.Equal("10", next.Result!.PlainText);
    }

    [Fact]
    public async Task Package_references_resolve_from_the_workbook_set()
    {
        var run = await Run("#r \"nuget: Plotly.NET, 6.0.0\"\ntypeof(Plotly.NET.GenericChart).Assembly.GetName().Name");
        Assert.Equal("Plotly.NET", run.Result!.PlainText);
    }

    [Fact]
    public async Task A_mismatched_package_version_fails_the_cell_with_the_library_version()
    {
        var run = await Run("var x = 1;\n#r \"nuget: TorchSharp-cpu, 0.105.0\"");
        Assert.Equal(2, run.Error!.Line);
        Assert.Contains("uses TorchSharp-cpu 0.107.0", run.Error.Message);
    }

    [Fact]
    public async Task Relative_references_resolve_against_the_notebook_folder()
    {
        var run = await Run("#r \"../lib/RnnWorkbook/bin/RnnWorkbook.dll\"\nRnnWorkbook.Workbook.DefaultSeed");
        Assert.True(run.Succeeded, run.Error?.Describe());
        Assert.Equal("42", run.Result!.PlainText);
    }

    [Fact]
    public async Task Unsupported_magics_fail_naming_the_magic()
    {
        var run = await Run("#!pwsh\nGet-Date");
        Assert.Contains("'#!pwsh' is not supported", run.Error!.Message);
        Assert.Equal(1, run.Error.Line);
    }

    [Fact]
    public async Task A_one_line_cell_reports_its_line_without_a_line_table()
    {
        var direct = await Run("#!time\n\nthrow new InvalidOperationException(\"one line\");");
        var viaLibrary = await Run("int.Parse(\"not a number\")", 2);

        Assert.Equal(3, direct.Error!.Line);
        Assert.Equal("one line", direct.Error.Message);
        Assert.Equal(1, viaLibrary.Error!.Line);
        Assert.Equal("System.FormatException", viaLibrary.Error.Name);
    }
}
