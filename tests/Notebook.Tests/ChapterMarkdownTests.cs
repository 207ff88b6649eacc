using System.Text.RegularExpressions;
using RnnWorkbook.Notebook.Documents;

namespace RnnWorkbook.Notebook.Tests;

/// <summary>
/// Every markdown cell of every chapter is clean text: no control characters (a "\t" that became a TAB in
/// JSON turns "\text" into "ext"), and math delimiters that pair up. Whether each equation parses as TeX
/// is a separate check (issue 9, item 4) that needs a TeX parser.
/// </summary>
public partial class ChapterMarkdownTests
{
    public static TheoryData<string> Chapters() => new(
        Directory.EnumerateFiles(Repository.Notebooks, "*.ipynb").Order(StringComparer.Ordinal).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Markdown_has_no_control_characters_and_balanced_math(string chapter)
    {
        var problems = Problems(NotebookDocument.Load(Path.Combine(Repository.Notebooks, chapter)));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_scan_finds_a_tab_and_an_unclosed_dollar()
    {
        using var folder = new TempFolder();
        var path = Notebooks.WriteIpynb(folder, "bad.ipynb",
            [NotebookTemplate.MarkdownCell("$\text{a}$ and `$HOME` are fine, $x$ too"), NotebookTemplate.MarkdownCell("costs $5 and $$ y")]);

        Assert.Equal(
            ["cell 1, line 1: control character U+0009 at column 2 (a \\t or \\b that JSON turned into a control character?)",
             "cell 2: 1 unescaped $ outside $$ and code (an odd number), 1 $$ (an odd number)"],
            Problems(NotebookDocument.Load(path)));
    }

    private static List<string> Problems(NotebookDocument notebook)
    {
        var problems = new List<string>();
        for (var index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            if (cell.Kind != CellKind.Markdown)
            {
                continue;
            }

            var lines = cell.Source.Split('\n');
            for (var l = 0; l < lines.Length; l++)
            {
                var column = Array.FindIndex(lines[l].ToCharArray(), c => char.IsControl(c) && c != '\r');
                if (column >= 0)
                {
                    problems.Add($"cell {index + 1}, line {l + 1}: control character U+{(int)lines[l][column]:X4} at column {column + 1} (a \\t or \\b that JSON turned into a control character?)");
                }
            }

            var prose = InlineCode().Replace(FencedCode().Replace(cell.Source, ""), "");
            var display = DisplayMath().Matches(prose).Count;
            var inline = UnescapedDollar().Matches(DisplayMath().Replace(prose, "")).Count;
            if (display % 2 != 0 || inline % 2 != 0)
            {
                problems.Add($"cell {index + 1}: {inline} unescaped $ outside $$ and code ({(inline % 2 == 0 ? "even" : "an odd number")}), {display} $$ ({(display % 2 == 0 ? "even" : "an odd number")})");
            }
        }

        return problems;
    }

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"(?<!\\)\$\$")]
    private static partial Regex DisplayMath();

    [GeneratedRegex(@"(?<!\\)\$")]
    private static partial Regex UnescapedDollar();
}
