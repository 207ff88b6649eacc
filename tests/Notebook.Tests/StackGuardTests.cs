using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Documents;
using RnnWorkbook.Notebook.Execution;
using RnnWorkbook.Notebook.Runner;
using RnnWorkbook.Notebook.Tests.Kernel;

namespace RnnWorkbook.Notebook.Tests;

/// <summary>A runaway recursion is an error in its cell, in the session, the runner and the kernel, and the session goes on.</summary>
public sealed class StackGuardTests
{
    private const string Check = "global::RnnWorkbook.Notebook.Execution.StackGuard.Check();";
    private const string Runaway = "int F(int n) => F(n + 1) + 1;\nF(0)";

    [Fact]
    public void Expression_bodied_functions_become_guarded_blocks_on_the_same_lines()
    {
        var code = "int F(int n) => F(n + 1) + 1;\nvoid Say(string s) =>\n    Console.WriteLine(s);\nstatic int Fail() => throw new InvalidOperationException();\nasync Task Wait() => await Task.Delay(1);\nasync Task<int> One() => await Task.FromResult(1);";

        var rewritten = StackGuardRewriter.Rewrite(code);

        Assert.Equal(
            $"int F(int n) {{ {Check}  return F(n + 1) + 1; }}\n" +
            $"void Say(string s) {{ {Check} \n    Console.WriteLine(s); }}\n" +
            $"static int Fail() {{ {Check}  throw new InvalidOperationException(); }}\n" +
            $"async Task Wait() {{ {Check}  await Task.Delay(1); }}\n" +
            $"async Task<int> One() {{ {Check}  return await Task.FromResult(1); }}",
            rewritten);
        Assert.Equal(code.Split('\n').Length, rewritten.Split('\n').Length);
    }

    [Fact]
    public void Block_bodies_of_methods_local_functions_constructors_accessors_and_lambdas_start_with_a_check()
    {
        var code = "class C\n{\n    public C() { }\n    public int P { get { return 1; } }\n    int M()\n    {\n        int Local() { return 2; }\n        Func<int, int> f = x => { return x; };\n        Func<int, int> g = x => x;\n        Action a = delegate { };\n        return Local();\n    }\n}";

        var rewritten = StackGuardRewriter.Rewrite(code);

        Assert.Equal(7, rewritten.Split(Check).Length - 1); // constructor, getter, M, Local, both lambdas, the anonymous method
        Assert.Contains($"Func<int, int> g = x => {{ {Check} return x; }};", rewritten); // declared a Func: not an expression tree
        Assert.Contains($"    {{ {Check}\n        int Local()", rewritten);
        Assert.Equal(code.Split('\n').Length, rewritten.Split('\n').Length);
    }

    [Fact]
    public void Expression_lambdas_become_guarded_blocks_where_the_cell_declares_them_delegates()
    {
        var code = "Func<int, int> f = null!;\nf = n => f(n + 1) + 1;\nSystem.Action<string> say = s => Console.WriteLine(s), quiet = _ => { };\n" +
                   "Func<int> fail = () => throw new InvalidOperationException();\nExpression<Func<int, int>> tree = x => x;\nvar untyped = (int x) => x;\n" +
                   "Func<int, Task<int>> later = async x => await Task.FromResult(x);\nFunc<int, int> g =\n    x =>\n        x * 2;";

        var lines = StackGuardRewriter.Rewrite(code).Split('\n');

        Assert.Equal(code.Split('\n').Length, lines.Length);
        Assert.Equal("Func<int, int> f = null!;", lines[0]);
        Assert.Equal($"f = n => {{ {Check} return f(n + 1) + 1; }};", lines[1]);
        Assert.StartsWith($"System.Action<string> say = s => {{ {Check} Console.WriteLine(s); }}, quiet = _ => {{ {Check}", lines[2]);
        Assert.Equal($"Func<int> fail = () => {{ {Check} throw new InvalidOperationException(); }};", lines[3]);
        Assert.Equal("Expression<Func<int, int>> tree = x => x;", lines[4]); // may be an expression tree: left as written
        Assert.Equal("var untyped = (int x) => x;", lines[5]);
        Assert.Equal("Func<int, Task<int>> later = async x => await Task.FromResult(x);", lines[6]);
        Assert.Equal(["Func<int, int> g =", "    x =>", $"        {{ {Check} return x * 2; }};"], lines[7..]);
    }

    [Fact]
    public async Task A_runaway_recursive_lambda_is_an_error_of_its_cell()
    {
        var session = new ScriptSession(Path.Combine(Repository.Notebooks, "test.ipynb"));
        var sink = new RecordingSink();

        var run = await StackGuard.RunOnCellThread(() => session.RunAsync("Func<int, int> f = null!;\nf = n => f(n + 1) + 1;\nf(0)", 1, sink));

        Assert.Equal("System.InsufficientExecutionStackException", run.Error!.Name);
        Assert.Equal("2", (await session.RunAsync("1 + 1", 2, sink)).Result!.PlainText);
    }

    [Theory]
    [InlineData("1 + 1")]
    [InlineData("var x = new[] { 1, 2 };")]
    [InlineData("int F(int n) =>")]
    public void Code_without_complete_functions_comes_back_unchanged(string code)
    {
        Assert.Equal(code, StackGuardRewriter.Rewrite(code));
    }

    [Fact]
    public async Task A_runaway_recursion_is_an_error_of_its_cell_and_the_session_keeps_its_state()
    {
        var session = new ScriptSession(Path.Combine(Repository.Notebooks, "test.ipynb"));
        var sink = new RecordingSink();
        Assert.True((await session.RunAsync("var trained = 41;", 1, sink)).Succeeded);

        var run = await StackGuard.RunOnCellThread(() => session.RunAsync(Runaway, 2, sink));

        Assert.Equal("System.InsufficientExecutionStackException", run.Error!.Name);
        Assert.StartsWith("The cell's code called itself so deeply", run.Error.Message);
        Assert.Equal(1, run.Error.Line);
        Assert.True(run.Error.Traceback.Count < 20, string.Join("\n", run.Error.Traceback));
        Assert.Matches(@"^   \.\.\. the line above [\d,]+ more times$", run.Error.Traceback[5]);
        Assert.Equal("42", (await session.RunAsync("trained + 1", 3, sink)).Result!.PlainText);
    }

    [Fact]
    public async Task The_runner_reports_the_recursion_in_its_cell()
    {
        using var folder = new TempFolder();
        var path = Notebooks.WriteIpynb(folder, "deep.ipynb",
            [NotebookTemplate.CodeCell("var kept = 1;"), Notebooks.Tagged(Runaway, "raises-exception"), NotebookTemplate.CodeCell("kept + 1")]);

        var result = await new NotebookRunner(new RunOptions(OutputDirectory: folder.File("out")), TextWriter.Null).RunAsync(path);

        Assert.True(result.Succeeded, result.DescribeFailure());
        var executed = JsonNode.Parse(File.ReadAllText(result.OutputPath!))!.AsObject();
        Assert.Equal("System.InsufficientExecutionStackException", Notebooks.Outputs(executed, 1)[0]!["ename"]!.GetValue<string>());
        Assert.Equal("2", Notebooks.Text(Notebooks.Outputs(executed, 2)[0]!["data"]!["text/plain"]));
    }

    [Fact]
    public async Task The_kernel_answers_the_recursion_with_an_error_and_keeps_serving()
    {
        await using var kernel = new TestKernel();
        Assert.Equal("ok", kernel.Client.Execute("var model = 41;").Status);

        var run = kernel.Client.Execute(Runaway, timeout: TimeSpan.FromSeconds(60));

        Assert.Equal("error", run.Status);
        Assert.Equal("System.InsufficientExecutionStackException", run.Reply.Content["ename"]!.GetValue<string>());
        var after = kernel.Client.Execute("model + 1");
        Assert.Equal("42", Assert.Single(after.OfType("execute_result")).Content["data"]!["text/plain"]!.GetValue<string>());
    }
}
