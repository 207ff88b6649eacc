using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace RnnWorkbook.Book;

/// <summary>
/// One notebook as the body of a book page: markdown through Markdig (TeX kept for KaTeX), code for
/// highlight.js, and outputs: charts from their plotly JSON, HTML (tables) as it is, text as text.
/// </summary>
public sealed partial class PageRenderer
{
    public const string PlotlyJson = "application/vnd.plotly.v1+json";

    private static readonly MarkdownPipeline s_markdown = new MarkdownPipelineBuilder()
        .UseMathematics()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseAutoLinks()
        .UseListExtras()
        .UseTaskLists()
        .UseFootnotes()
        .Build();

    public Chapter Render(NotebookFile notebook, string page)
    {
        var body = new StringBuilder();
        string? title = null;
        var sections = new List<(string, string)>();
        int equations = 0;
        var prefix = Path.GetFileNameWithoutExtension(page);
        int charts = 0;
        foreach (var cell in notebook.Cells)
        {
            if (cell.Type == "markdown")
            {
                var html = MarkdownHtml(cell.Source);
                equations += MathElement().Count(html);
                foreach (Match heading in Heading().Matches(html))
                {
                    if (heading.Groups["level"].Value == "1")
                    {
                        title ??= WebUtility.HtmlDecode(Tags().Replace(heading.Groups["text"].Value, ""));
                    }
                    else if (heading.Groups["level"].Value == "2")
                    {
                        sections.Add((heading.Groups["id"].Value, heading.Groups["text"].Value));
                    }
                }

                body.Append("<section class=\"cell markdown\">\n").Append(html).Append("</section>\n");
            }
            else if (cell.Type == "code")
            {
                var tags = cell.Tags.Count > 0 ? $" data-tags=\"{Html.Encode(string.Join(' ', cell.Tags))}\"" : "";
                body.Append($"<section class=\"cell code\"{tags}>\n");
                if (cell.Tags.Contains("injected-parameters"))
                {
                    body.Append("<p class=\"cell-note\">Parameters this book was built with:</p>\n");
                }

                body.Append("<pre class=\"source\"><code class=\"language-csharp\">").Append(Html.Encode(cell.Source)).Append("</code></pre>\n");
                foreach (var output in cell.Outputs)
                {
                    body.Append(Output(output, prefix, ref charts));
                }

                body.Append("</section>\n");
            }
        }

        return new Chapter(page, title ?? prefix, sections, body.ToString(), charts, equations);
    }

    /// <summary>
    /// Markdown to HTML. <c>$$ … $$</c> inside a paragraph is display math in Jupyter, VS Code and GitHub;
    /// Markdig parses it as inline math, so it is marked for KaTeX's display mode here.
    /// </summary>
    public static string MarkdownHtml(string markdown)
    {
        var document = Markdown.Parse(DisplayMathBlocks(markdown), s_markdown);
        foreach (var math in document.Descendants<Markdig.Extensions.Mathematics.MathInline>())
        {
            if (math.DelimiterCount >= 2)
            {
                Markdig.Renderers.Html.HtmlAttributesExtensions.GetAttributes(math).AddClass("display");
            }
        }

        return document.ToHtml(s_markdown);
    }

    /// <summary>Every equation of a markdown text as the book typesets it: its TeX and whether it is display math.</summary>
    public static IReadOnlyList<(string Tex, bool Display)> Equations(string markdown)
    {
        var document = Markdown.Parse(DisplayMathBlocks(markdown), s_markdown);
        var inline = document.Descendants<Markdig.Extensions.Mathematics.MathInline>().Select(m => (m.Content.ToString(), m.DelimiterCount >= 2));
        var blocks = document.Descendants<Markdig.Extensions.Mathematics.MathBlock>().Select(b => (b.Lines.ToString(), true));
        return [.. inline.Concat(blocks)];
    }

    /// <summary>
    /// A <c>$$ … $$</c> that starts a line and ends a later one is display math for Jupyter's MathJax, but
    /// Markdig's inline math stops at the line break; it is rewritten as a math block (<c>$$</c> on lines of
    /// their own). Fenced code is left alone.
    /// </summary>
    public static string DisplayMathBlocks(string markdown)
    {
        var parts = FencedCode().Split(markdown);
        for (int i = 0; i < parts.Length; i++)
        {
            if (!parts[i].StartsWith("```", StringComparison.Ordinal) && !parts[i].StartsWith("~~~", StringComparison.Ordinal))
            {
                parts[i] = MultiLineDisplay().Replace(parts[i], m => $"{m.Groups["indent"].Value}$$\n{m.Groups["tex"].Value.Trim()}\n{m.Groups["indent"].Value}$$");
            }
        }

        return string.Concat(parts);
    }

    private static string Output(JsonObject output, string prefix, ref int charts)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                var name = output["name"]?.GetValue<string>() == "stderr" ? "stderr" : "stdout";
                return $"<pre class=\"output stream {name}\">{Html.Encode(NotebookCell.Text(output["text"]))}</pre>\n";
            case "error":
                var trace = output["traceback"] is JsonArray lines ? string.Join("\n", lines.Select(l => l?.GetValue<string>())) : "";
                var text = trace.Length > 0 ? trace : $"{output["ename"]}: {output["evalue"]}";
                return $"<pre class=\"output error\">{Html.Encode(Ansi().Replace(text, ""))}</pre>\n";
            case "display_data" or "execute_result":
                return Rich(output["data"] as JsonObject ?? [], prefix, ref charts);
            default:
                return "";
        }
    }

    private static string Rich(JsonObject data, string prefix, ref int charts)
    {
        if (data[PlotlyJson] is JsonNode figure)
        {
            charts++;
            var id = $"{prefix}-chart-{charts}";
            // nbformat stores a JSON MIME type as an object; .NET Interactive writes it as a string (or lines).
            if (figure is not JsonObject)
            {
                try
                {
                    figure = JsonNode.Parse(NotebookCell.Text(figure)) ?? new JsonObject();
                }
                catch (System.Text.Json.JsonException e)
                {
                    return $"<div class=\"output chart-broken\" id=\"{id}\"><p class=\"chart-message\">This output's plotly figure is not valid JSON ({Html.Encode(e.Message)}), so it cannot be drawn.</p></div>\n";
                }
            }

            var json = figure.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
            var label = Html.Encode((figure as JsonObject)?["layout"]?["title"]?["text"]?.ToString() ?? "chart");
            return $"""
                <div class="output chart" id="{id}" role="img" aria-label="{label}"><p class="chart-message">This chart ({label}) is drawn by JavaScript (plotly.js, shipped in assets/plotly.min.js), which has not run: scripts are off or the file did not load.</p></div>
                <script type="application/json" id="{id}-figure">{json}</script>

                """;
        }

        if (data["text/html"] is JsonNode html)
        {
            // Tables and text need no script; what scripts outputs carry (.NET Interactive's first output loads
            // require.js from a CDN) would make the offline book reach out, so the book leaves them out.
            var content = Script().Replace(NotebookCell.Text(html), "");
            return string.IsNullOrWhiteSpace(Tags().Replace(content, "")) && !content.Contains("<img", StringComparison.OrdinalIgnoreCase)
                ? ""
                : $"<div class=\"output html\">{content}</div>\n";
        }

        if (data["image/svg+xml"] is JsonNode svg)
        {
            return $"<div class=\"output image\">{NotebookCell.Text(svg)}</div>\n";
        }

        if (data["image/png"] is JsonNode png)
        {
            return $"<div class=\"output image\"><img alt=\"output\" src=\"data:image/png;base64,{NotebookCell.Text(png).Replace("\n", "")}\"></div>\n";
        }

        if (data["text/plain"] is JsonNode plain)
        {
            return $"<pre class=\"output text\">{Html.Encode(NotebookCell.Text(plain))}</pre>\n";
        }

        return "";
    }

    [GeneratedRegex("""<h(?<level>[12]) id="(?<id>[^"]*)">(?<text>.*?)</h[12]>""", RegexOptions.Singleline)]
    private static partial Regex Heading();

    [GeneratedRegex("""<(span|div) class="math[ "]""")]
    private static partial Regex MathElement();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"<script\b.*?</script\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Script();

    [GeneratedRegex(@"(^(?:```|~~~)[^\n]*\n.*?^(?:```|~~~)[ \t]*$)", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"^(?<indent>[ \t]*)\$\$(?<tex>[^$]*\n[^$]*?)\$\$[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex MultiLineDisplay();

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();
}
