namespace RnnWorkbook.Notebook.Sync;

/// <summary>
/// The code a teaching cell shows, cut from a library file: the whole file without its usings and namespace
/// line, or one <c>#region Name</c> of it, dedented. The library stays the single source of that code.
/// </summary>
public static class LibrarySource
{
    public static string Extract(string fileText, string? region)
    {
        ArgumentNullException.ThrowIfNull(fileText);
        var lines = fileText.Replace("\r\n", "\n").Split('\n');
        return region is null ? WholeFile(lines) : Region(lines, region);
    }

    private static string WholeFile(string[] lines)
    {
        var body = lines
            .SkipWhile(l => l.Trim().Length == 0 || l.StartsWith("using ", StringComparison.Ordinal)
                            || (l.StartsWith("namespace ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(';')))
            .ToList();
        return Trim(body);
    }

    private static string Region(string[] lines, string region)
    {
        var start = Array.FindIndex(lines, l => l.Trim() == $"#region {region}");
        if (start < 0)
        {
            throw new InvalidDataException($"no '#region {region}' in the file.");
        }

        var depth = 0;
        for (var end = start + 1; end < lines.Length; end++)
        {
            var trimmed = lines[end].Trim();
            if (trimmed.StartsWith("#region", StringComparison.Ordinal))
            {
                depth++;
            }
            else if (trimmed.StartsWith("#endregion", StringComparison.Ordinal) && depth-- == 0)
            {
                return Trim(Dedent(lines[(start + 1)..end]));
            }
        }

        throw new InvalidDataException($"'#region {region}' has no #endregion.");
    }

    private static List<string> Dedent(IReadOnlyList<string> lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()).ToList();
    }

    private static string Trim(List<string> lines)
    {
        var text = string.Join("\n", lines.Select(l => l.TrimEnd()));
        return text.Trim('\n');
    }
}
