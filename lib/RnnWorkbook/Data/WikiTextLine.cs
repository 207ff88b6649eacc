namespace RnnWorkbook.Data;

/// <summary>One line of a WikiText file, classified.</summary>
/// <param name="Number">The 1-based line number in the file.</param>
/// <param name="Text">The line as it is in the file, without its line break.</param>
/// <param name="Kind">Blank, heading or text.</param>
/// <param name="HeadingLevel">1 for an article title, 2 for a section, 3 for a subsection…; 0 when not a heading.</param>
/// <param name="Heading">The heading's title without the <c>=</c> marks; null when not a heading.</param>
public sealed record WikiTextLine(int Number, string Text, WikiTextLineKind Kind, int HeadingLevel, string? Heading)
{
    /// <summary>The line's whitespace-separated tokens; <c>&lt;unk&gt;</c> stays one token.</summary>
    public string[] Tokens() => WikiText.Tokenize(Text);
}
