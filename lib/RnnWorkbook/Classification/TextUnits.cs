using RnnWorkbook.Text.Korean;

namespace RnnWorkbook.Classification;

/// <summary>Ways to cut a text into the units a classifier reads.</summary>
public static class TextUnits
{
    /// <summary>Every user-perceived character (a text element: a surrogate pair or a base with its combining marks stays one unit), spaces included.</summary>
    public static IEnumerable<string> Characters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            yield return elements.GetTextElement();
        }
    }

    /// <summary>Hangul syllables split into their jamo (초성, 중성, 종성), other characters as they are.</summary>
    public static IEnumerable<string> Jamo(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Characters(Hangul.ToJamo(text));
    }

    /// <summary>Whitespace-separated words, lowercased (the polarity snippets are already tokenized).</summary>
    public static IEnumerable<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }
}
