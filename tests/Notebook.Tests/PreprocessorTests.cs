using RnnWorkbook.Notebook.Execution;

namespace RnnWorkbook.Notebook.Tests;

public class PreprocessorTests
{
    [Fact]
    public void Handled_lines_are_blanked_so_line_numbers_still_match()
    {
        var prepared = CellPreprocessor.Prepare("#!csharp\n#!time\n#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget:TorchSharp-cpu\"\nvar x = 1;");

        Assert.Equal("\n\n\n\nvar x = 1;", prepared.Code);
        Assert.True(prepared.Time);
        Assert.Equal([new PackageReference("Plotly.NET", "6.0.0", 3), new PackageReference("TorchSharp-cpu", null, 4)], prepared.Packages);
    }

    [Fact]
    public void Path_references_are_left_to_roslyn()
    {
        var prepared = CellPreprocessor.Prepare("#r \"../lib/x.dll\"\n1");
        Assert.Equal("#r \"../lib/x.dll\"\n1", prepared.Code);
        Assert.Empty(prepared.Packages);
        Assert.False(prepared.Time);
    }

    [Theory]
    [InlineData("#!fsharp\nlet x = 1", "line 1: '#!fsharp' is not supported")]
    [InlineData("var a = 1;\n#!who", "line 2: '#!who' is not supported")]
    [InlineData("#r \"nuget: \"", "expected #r \"nuget: PackageId, Version\"")]
    [InlineData("#r \"nuget: A, 1, 2\"", "expected #r \"nuget: PackageId, Version\"")]
    [InlineData("#i \"nuget: https://example.org\"", "'#i' (package sources) is not supported")]
    public void Unsupported_magics_and_malformed_references_fail_naming_them(string source, string expected)
    {
        var error = Assert.Throws<NotebookException>(() => CellPreprocessor.Prepare(source));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void The_kernels_mask_blanks_exactly_the_lines_the_preprocessor_handles()
    {
        var code = "#!time\r\n  #r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"../lib/RnnWorkbook/bin/RnnWorkbook.dll\"\nvar s = \"#!not a magic\";\n#!csharp";

        var masked = Notebook.Kernel.CellMask.Mask(code);
        var prepared = CellPreprocessor.Prepare(code);

        Assert.Equal(code.Length, masked.Length);
        var lines = code.Split('\n');
        Assert.Equal(
            [new string(' ', 6) + "\r", new string(' ', lines[1].Length), lines[2], lines[3], new string(' ', 8)],
            masked.Split('\n'));
        Assert.Equal(["", "", "#r \"../lib/RnnWorkbook/bin/RnnWorkbook.dll\"", "var s = \"#!not a magic\";", ""], prepared.Code.Split('\n'));
        Assert.True(prepared.Time);
        Assert.Equal("TorchSharp-cpu", Assert.Single(prepared.Packages).Id);
    }
}
