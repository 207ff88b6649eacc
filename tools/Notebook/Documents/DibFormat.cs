using System.Text.Json.Nodes;

namespace RnnWorkbook.Notebook.Documents;

/// <summary>
/// Reads Polyglot Notebooks' text format (<c>.dib</c>): a cell starts at a line holding only a kernel
/// selector such as <c>#!csharp</c> or <c>#!markdown</c>; an optional <c>#!meta</c> block carries the
/// notebook metadata as JSON. Magic commands such as <c>#!time</c> inside a cell are not separators.
/// </summary>
public static class DibFormat
{
    private static readonly HashSet<string> s_kernelSelectors =
    [
        "csharp", "c#", "C#", "fsharp", "f#", "F#", "pwsh", "powershell", "javascript", "js", "html", "sql", "kql",
        "mermaid", "value", "markdown", "md", "meta",
    ];

    public static NotebookDocument Parse(string path, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var blocks = new List<(string Selector, List<string> Lines)>();
        (string Selector, List<string> Lines)? current = null;
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal) && s_kernelSelectors.Contains(trimmed[2..]))
            {
                current = (trimmed[2..], new List<string>());
                blocks.Add(current.Value);
            }
            else if (current is { } block)
            {
                block.Lines.Add(line);
            }
            else if (trimmed.Length > 0)
            {
                throw new InvalidDataException($"{path}: text before the first cell selector (#!csharp, #!markdown, ...).");
            }
        }

        var root = NotebookTemplate.Document([]);
        var metadata = root["metadata"]!;
        var cells = root["cells"]!.AsArray();
        foreach (var (selector, body) in blocks)
        {
            var source = TrimBlankLines(body);
            if (selector == "meta")
            {
                if (source.Length > 0 && JsonNode.Parse(source) is JsonObject meta && meta["kernelInfo"] is JsonObject info)
                {
                    metadata["polyglot_notebook"]!["kernelInfo"] = info.DeepClone();
                }

                continue;
            }

            cells.Add(selector is "markdown" or "md"
                ? NotebookTemplate.MarkdownCell(source)
                : NotebookTemplate.CodeCell(source, Canonical(selector)));
        }

        return IpynbFormat.Parse(path, root.ToJsonString());
    }

    private static string Canonical(string selector) => selector switch
    {
        "c#" or "C#" => "csharp",
        "f#" or "F#" => "fsharp",
        "powershell" => "pwsh",
        "js" => "javascript",
        _ => selector,
    };

    private static string TrimBlankLines(List<string> lines)
    {
        var start = 0;
        var end = lines.Count;
        while (start < end && string.IsNullOrWhiteSpace(lines[start]))
        {
            start++;
        }

        while (end > start && string.IsNullOrWhiteSpace(lines[end - 1]))
        {
            end--;
        }

        return string.Join("\n", lines.Skip(start).Take(end - start));
    }
}
