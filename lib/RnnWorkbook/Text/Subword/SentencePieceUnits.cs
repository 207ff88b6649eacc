using System.Buffers;
using System.Text;

namespace RnnWorkbook.Text.Subword;

/// <summary>
/// The sentence-piece view of a text segment: a '▁' in front (the dummy prefix), every space written
/// as '▁', and the result cut into words that each start with '▁'. Other white space (line breaks,
/// tabs) is kept as its own one-character word, so no character is lost. Each unit remembers where it
/// came from in the original text; the dummy prefix covers no characters.
/// </summary>
internal static class SentencePieceUnits
{
    /// <summary>The character that stands for a space, U+2581 LOWER ONE EIGHTH BLOCK.</summary>
    public const char SpaceMark = '\u2581';

    /// <summary>Units of <paramref name="text"/>[start..start+length): (code point, original start, original length).</summary>
    /// <exception cref="ArgumentException">The segment has an unpaired surrogate.</exception>
    public static void Build(string text, int start, int length, List<(int Rune, int Start, int Length)> units)
    {
        units.Clear();
        units.Add((SpaceMark, start, 0));
        int i = start;
        int end = start + length;
        while (i < end)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i, end - i), out Rune rune, out int consumed) != OperationStatus.Done)
            {
                throw new ArgumentException($"The text has an unpaired surrogate at index {i}; sentence-piece encoding works on whole code points.", nameof(text));
            }

            units.Add((rune.Value == ' ' ? SpaceMark : rune.Value, i, consumed));
            i += consumed;
        }
    }

    /// <summary>Cuts units into words: a new word at every '▁', and other white space alone.</summary>
    public static void SplitWords(List<(int Rune, int Start, int Length)> units, List<(int First, int Count)> words)
    {
        words.Clear();
        int first = 0;
        for (int i = 1; i <= units.Count; i++)
        {
            bool boundary = i == units.Count || units[i].Rune == SpaceMark || IsOtherWhiteSpace(units[i].Rune) || IsOtherWhiteSpace(units[i - 1].Rune);
            if (boundary)
            {
                words.Add((first, i - first));
                first = i;
            }
        }
    }

    /// <summary>The word's units as a string, e.g. "▁Hello".</summary>
    public static string WordText(List<(int Rune, int Start, int Length)> units, int first, int count)
    {
        var builder = new StringBuilder(count + 1);
        for (int i = first; i < first + count; i++)
        {
            builder.Append(char.ConvertFromUtf32(units[i].Rune));
        }

        return builder.ToString();
    }

    private static bool IsOtherWhiteSpace(int rune) => rune != SpaceMark && rune <= 0xFFFF && char.IsWhiteSpace((char)rune);
}
