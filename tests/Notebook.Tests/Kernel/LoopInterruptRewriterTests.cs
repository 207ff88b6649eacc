using RnnWorkbook.Notebook.Kernel;

namespace RnnWorkbook.Notebook.Tests.Kernel;

public class LoopInterruptRewriterTests
{
    private const string Check = "global::RnnWorkbook.Notebook.Kernel.CellInterrupt.Check();";

    [Fact]
    public void Every_loop_body_starts_with_a_check_on_the_line_it_started()
    {
        var code = "for (var i = 0; i < 3; i++)\n{\n    Console.WriteLine(i);\n}\nwhile (x) y++;\ndo { z--; } while (z > 0);\nforeach (var (a, b) in pairs)\n    Use(a, b);";

        var rewritten = LoopInterruptRewriter.Rewrite(code);

        Assert.Equal(
            $"for (var i = 0; i < 3; i++)\n{{ {Check}\n    Console.WriteLine(i);\n}}\nwhile (x) {{ {Check} y++; }}\ndo {{ {Check} z--; }} while (z > 0);\nforeach (var (a, b) in pairs)\n    {{ {Check} Use(a, b); }}",
            rewritten);
        Assert.Equal(code.Split('\n').Length, rewritten.Split('\n').Length);
    }

    [Fact]
    public void Nested_loops_and_loops_in_functions_get_checks()
    {
        var rewritten = LoopInterruptRewriter.Rewrite("int F() { foreach (var a in xs) { for (;;) { } } return 0; }");
        Assert.Equal(2, rewritten.Split(Check).Length - 1);
    }

    [Theory]
    [InlineData("var information = 1;\nConsole.WriteLine(information);")]
    [InlineData("#!time\n#r \"nuget: Plotly.NET, 6.0.0\"\nvar x = 1;")]
    public void Code_without_complete_loops_comes_back_unchanged(string code)
    {
        Assert.Equal(code, LoopInterruptRewriter.Rewrite(code));
    }

    [Fact]
    public void A_loop_without_a_body_is_left_for_the_compiler_to_report()
    {
        Assert.Equal("while (x)", LoopInterruptRewriter.Rewrite("while (x)"));
    }

    [Fact]
    public void Magic_lines_survive_around_rewritten_loops()
    {
        var rewritten = LoopInterruptRewriter.Rewrite("#!time\nwhile (true) { }");
        Assert.Equal($"#!time\nwhile (true) {{ {Check} }}", rewritten);
    }
}
