namespace RnnWorkbook.Data;

/// <summary>One article of a WikiText file: its title line and every line up to the next title.</summary>
/// <param name="Title">The article's title (the text of its level-1 heading).</param>
/// <param name="LineNumber">The 1-based line number of the title.</param>
/// <param name="Lines">The lines after the title: section headings, paragraphs and blank lines.</param>
public sealed record WikiTextArticle(string Title, int LineNumber, IReadOnlyList<WikiTextLine> Lines)
{
    /// <summary>The section headings (level 2 and deeper) in order.</summary>
    public IEnumerable<WikiTextLine> Sections => Lines.Where(l => l.Kind == WikiTextLineKind.Heading);

    /// <summary>The paragraph lines in order.</summary>
    public IEnumerable<WikiTextLine> Paragraphs => Lines.Where(l => l.Kind == WikiTextLineKind.Text);

    /// <summary>The tokens of all paragraphs in order (headings excluded).</summary>
    public IEnumerable<string> Tokens() => Paragraphs.SelectMany(l => l.Tokens());
}
