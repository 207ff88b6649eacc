namespace RnnWorkbook.Data;

/// <summary>One article of a WikiText file, title line included.</summary>
/// <param name="Index">The article's position in the file, from 0.</param>
/// <param name="Lines">Its lines, from the title line up to the next title.</param>
public sealed record WikiTextArticleLines(int Index, IReadOnlyList<WikiTextLine> Lines)
{
    /// <summary>The article's title.</summary>
    public string Title => Lines[0].Heading ?? "";

    /// <summary>The tokens of every line, headings included (no end-of-line tokens).</summary>
    public int TokenCount { get; } = Lines.Sum(l => l.Tokens().Length);
}
