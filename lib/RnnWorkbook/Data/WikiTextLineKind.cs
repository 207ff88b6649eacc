namespace RnnWorkbook.Data;

/// <summary>What a line of WikiText holds.</summary>
public enum WikiTextLineKind
{
    /// <summary>Nothing but whitespace: the separator between paragraphs and around headings.</summary>
    Blank,

    /// <summary>A heading such as <c> = = History = = </c>; the number of <c>=</c> on each side is its level.</summary>
    Heading,

    /// <summary>A paragraph of space-separated tokens.</summary>
    Text,
}
