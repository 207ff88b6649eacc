using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RnnWorkbook.Book.Tests;

/// <summary>
/// Every markdown cell of every chapter: no control characters (a "\t" in the JSON that became a TAB turned
/// \times into "imes"), balanced $ and $$, and every equation accepted by KaTeX, the same pinned copy the book
/// typesets with (and the renderer VS Code uses), run headless with node.
/// </summary>
public partial class ChapterMarkdownTests
{
    public static TheoryData<string> Chapters() =>
        [.. Directory.EnumerateFiles(Path.Combine(Fixture.Repository, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal).Select(p => Path.GetFileName(p))];

    private static IEnumerable<(int Cell, string Source)> MarkdownCells(string chapter) =>
        NotebookFile.Read(Path.Combine(Fixture.Repository, "notebooks", chapter)).Cells
            .Select((cell, index) => (cell, index))
            .Where(c => c.cell.Type == "markdown")
            .Select(c => (c.index, c.cell.Source));

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Markdown_has_no_control_characters(string chapter)
    {
        var found = MarkdownCells(chapter)
            .SelectMany(c => c.Source.Select((ch, at) => (c.Cell, ch, at, c.Source)))
            .Where(x => x.ch != '\n' && (char.IsControl(x.ch) || x.ch is '\u200b' or '\ufeff'))
            .Select(x => $"cell {x.Cell}: U+{(int)x.ch:X4} in …{x.Source.Substring(Math.Max(0, x.at - 20), Math.Min(40, x.Source.Length - Math.Max(0, x.at - 20))).ReplaceLineEndings(" ")}…")
            .ToArray();
        Assert.True(found.Length == 0, $"{chapter}: control characters in markdown:\n{string.Join("\n", found)}");
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Dollar_signs_are_balanced(string chapter)
    {
        var unbalanced = new List<string>();
        foreach (var (cell, source) in MarkdownCells(chapter))
        {
            var prose = EscapedDollar().Replace(InlineCode().Replace(FencedCode().Replace(source, ""), ""), "");
            var displays = Regex.Count(prose, @"\$\$");
            var singles = Regex.Count(prose.Replace("$$", ""), @"\$");
            if (displays % 2 != 0 || singles % 2 != 0)
            {
                unbalanced.Add($"cell {cell}: {displays} × $$ and {singles} × $ (outside code)");
            }

            // Balanced is not enough: a $$ the markdown parser does not see as math stays raw on the page.
            var rendered = MathOrCode().Replace(PageRenderer.MarkdownHtml(source), "");
            if (rendered.Contains("$$", StringComparison.Ordinal))
            {
                var at = rendered.IndexOf("$$", StringComparison.Ordinal);
                unbalanced.Add($"cell {cell}: $$ left outside math: …{rendered.Substring(Math.Max(0, at - 40), Math.Min(100, rendered.Length - Math.Max(0, at - 40)))}…");
            }
        }

        Assert.True(unbalanced.Count == 0, $"{chapter}: unbalanced TeX delimiters:\n{string.Join("\n", unbalanced)}");
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public async Task Every_equation_is_accepted_by_katex(string chapter)
    {
        var assets = BookAssets.Locate();
        var equations = new JsonArray();
        foreach (var (cell, source) in MarkdownCells(chapter))
        {
            foreach (var (tex, display) in PageRenderer.Equations(source))
            {
                equations.Add(new JsonObject { ["where"] = $"cell {cell}", ["tex"] = tex, ["display"] = display });
            }
        }

        var input = Path.GetTempFileName();
        try
        {
            File.WriteAllText(input, equations.ToJsonString(), new UTF8Encoding(false));
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(assets.WebFolder, "check-tex.js"));
            start.ArgumentList.Add(input);
            using var node = Process.Start(start)!;
            var stderr = node.StandardError.ReadToEndAsync();
            var stdout = await node.StandardOutput.ReadToEndAsync();
            await node.WaitForExitAsync();
            Assert.True(node.ExitCode == 0, $"node check-tex.js failed ({node.ExitCode}): {await stderr}");

            var result = JsonNode.Parse(stdout)!;
            Assert.Equal(equations.Count, result["checked"]!.GetValue<int>());
            var failures = result["failures"]!.AsArray()
                .Select(f => $"{f!["where"]}: {f["error"]}\n    {f["tex"]}")
                .ToArray();
            Assert.True(failures.Length == 0, $"{chapter}: KaTeX {result["version"]} rejects {failures.Length} of {equations.Count} equations:\n{string.Join("\n", failures)}");
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void The_checks_see_a_tab_an_odd_dollar_and_broken_tex()
    {
        Assert.Equal([("a \\times b", false), ("\\frac{1}{2}", true)], PageRenderer.Equations("$a \\times b$ and\n\n$$\n\\frac{1}{2}\n$$\n").Select(e => (e.Tex.Trim(), e.Display)));
        Assert.True(char.IsControl('\t'));
        Assert.Contains("$$", MathOrCode().Replace(PageRenderer.MarkdownHtml("text $$ x\n\ny $$ text"), ""));
        Assert.DoesNotContain("$$", MathOrCode().Replace(PageRenderer.MarkdownHtml("so:\n\n$$ a = b,\n   c = d $$\n\nwhen"), ""));
        Assert.Equal(1, Regex.Count(EscapedDollar().Replace(InlineCode().Replace("costs `$x` \\$5 and $y", ""), ""), @"\$"));
    }

    [GeneratedRegex(@"^(```|~~~).*?^\1", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"(`+)(?!`).+?(?<!`)\1(?!`)", RegexOptions.Singleline)]
    private static partial Regex InlineCode();

    [GeneratedRegex("""<(span|div) class="math[^"]*">.*?</\1>|<(code|pre)\b.*?</\2>""", RegexOptions.Singleline)]
    private static partial Regex MathOrCode();

    [GeneratedRegex(@"\\\$")]
    private static partial Regex EscapedDollar();
}
