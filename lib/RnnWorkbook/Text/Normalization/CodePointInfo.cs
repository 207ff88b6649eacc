using System.Globalization;

namespace RnnWorkbook.Text.Normalization;

/// <summary>One code point of a string, described for a table in a notebook.</summary>
/// <param name="Text">The code point as a string (two UTF-16 units above U+FFFF).</param>
/// <param name="Value">The scalar value, e.g. 0xD55C for "한".</param>
/// <param name="Category">Its Unicode general category.</param>
/// <param name="Description">What it is: "Hangul syllable ㅎ+ㅏ+ㄴ", "conjoining jamo, final ㄴ", "full-width form of 'A'", ...</param>
public sealed record CodePointInfo(string Text, int Value, UnicodeCategory Category, string Description)
{
    /// <summary>The code point in U+ notation, e.g. "U+D55C".</summary>
    public string Notation => $"U+{Value:X4}";

    /// <inheritdoc/>
    public override string ToString() => $"{Notation} {Text} {Category} {Description}".TrimEnd();
}
