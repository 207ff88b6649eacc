using System.Text.RegularExpressions;

namespace RnnWorkbook.Notebook.Sync;

/// <summary>
/// A code cell that shows library code. Its first line names the source, which a reader sees too:
/// <c>// from lib/RnnWorkbook/Scratch/RnnCell.cs</c> for a whole file (without usings and namespace), or
/// <c>// from lib/RnnWorkbook/Text/PorterStemmer.cs#Step1a</c> for one <c>#region Step1a</c>.
/// The rest of the cell must equal that code; <c>notebook sync</c> rewrites it from the library.
/// </summary>
public sealed partial record TeachingCell(string RelativePath, string? Region)
{
    public static TeachingCell? Parse(string cellSource)
    {
        ArgumentNullException.ThrowIfNull(cellSource);
        var firstLine = cellSource.Replace("\r\n", "\n").Split('\n', 2)[0];
        var match = Header().Match(firstLine);
        return match.Success
            ? new TeachingCell(match.Groups["path"].Value, match.Groups["region"].Success ? match.Groups["region"].Value : null)
            : null;
    }

    public string HeaderLine => $"// from {RelativePath}{(Region is null ? "" : "#" + Region)}";

    /// <summary>The cell's source as the library says it should be.</summary>
    public string ExpectedSource(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, RelativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the teaching cell names {RelativePath}, which does not exist.", path);
        }

        return HeaderLine + "\n" + LibrarySource.Extract(File.ReadAllText(path), Region);
    }

    [GeneratedRegex(@"^// from (?<path>lib/[^\s#]+\.cs)(#(?<region>\w+))?\s*$")]
    private static partial Regex Header();
}
