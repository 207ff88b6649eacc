using System.Text.RegularExpressions;

namespace RnnWorkbook.Notebook.Execution;

/// <summary>
/// Handles the .NET Interactive conventions the workbook uses: <c>#!csharp</c> header lines, the
/// <c>#!time</c> magic and <c>#r "nuget: ..."</c>. Any other magic command fails, naming it.
/// </summary>
public static partial class CellPreprocessor
{
    public static PreparedCell Prepare(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var packages = new List<PackageReference>();
        var time = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!IsMagicLine(line))
            {
                if (line.StartsWith("#i ", StringComparison.Ordinal))
                {
                    throw new NotebookException("'#i' (package sources) is not supported; notebooks use the workbook's packages.", i + 1);
                }
            }
            else if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var magic = line.Split(' ', 2)[0];
                switch (magic)
                {
                    case "#!csharp" or "#!c#" or "#!C#":
                        break;
                    case "#!time":
                        time = true;
                        break;
                    default:
                        throw new NotebookException(
                            $"'{magic}' is not supported by this engine, which runs C# cells only " +
                            "and understands #!csharp, #!time and #r \"nuget: ...\".",
                            i + 1);
                }

                lines[i] = "";
            }
            else
            {
                packages.Add(ParsePackage(NugetDirective().Match(line).Groups["spec"].Value, i + 1));
                lines[i] = "";
            }
        }

        return new PreparedCell(string.Join("\n", lines), packages, time);
    }

    /// <summary>
    /// True for a line the engine handles itself rather than the compiler: a magic command (<c>#!time</c>,
    /// <c>#!csharp</c>, or an unknown one, which <see cref="Prepare"/> rejects) or <c>#r "nuget: ..."</c>.
    /// </summary>
    public static bool IsMagicLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.Trim();
        return trimmed.StartsWith("#!", StringComparison.Ordinal) || NugetDirective().IsMatch(trimmed);
    }

    private static PackageReference ParsePackage(string spec, int line)
    {
        var parts = spec.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || parts[0].Length == 0 || (parts.Length == 2 && parts[1].Length == 0))
        {
            throw new NotebookException($"expected #r \"nuget: PackageId, Version\", got #r \"nuget:{spec}\".", line);
        }

        return new PackageReference(parts[0], parts.Length == 2 ? parts[1] : null, line);
    }

    [GeneratedRegex("""^#r\s+"nuget:\s*(?<spec>[^"]*)"\s*$""")]
    private static partial Regex NugetDirective();
}
