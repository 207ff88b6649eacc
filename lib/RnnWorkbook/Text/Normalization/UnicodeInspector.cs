using System.Buffers;
using System.Globalization;
using System.Text;
using RnnWorkbook.Text.Korean;

namespace RnnWorkbook.Text.Normalization;

/// <summary>
/// Looks inside strings: their code points and what each Unicode normalization form makes of them.
/// Built for the notebook cells that show "한" as one syllable under NFC and three jamo under NFD,
/// and full-width "ＡＢＣ１２３" folding to "ABC123" under NFKC.
/// </summary>
public static class UnicodeInspector
{
    private const int ConjoiningInitialFirst = 0x1100;
    private const int ConjoiningMedialFirst = 0x1161;
    private const int ConjoiningFinalBeforeFirst = 0x11A7;
    private const int FullWidthFirst = 0xFF01;
    private const int FullWidthLast = 0xFF5E;
    private const int FullWidthOffset = 0xFEE0;

    /// <summary>The four forms in the order a notebook shows them.</summary>
    public static IReadOnlyList<NormalizationForm> Forms { get; } =
        [NormalizationForm.FormC, NormalizationForm.FormD, NormalizationForm.FormKC, NormalizationForm.FormKD];

    /// <summary>"NFC", "NFD", "NFKC" or "NFKD".</summary>
    public static string ShortName(NormalizationForm form) => form switch
    {
        NormalizationForm.FormC => "NFC",
        NormalizationForm.FormD => "NFD",
        NormalizationForm.FormKC => "NFKC",
        NormalizationForm.FormKD => "NFKD",
        _ => form.ToString(),
    };

    /// <summary>Normalizes <paramref name="text"/> to <paramref name="form"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> contains an unpaired surrogate.</exception>
    public static string Normalize(string text, NormalizationForm form)
    {
        ArgumentNullException.ThrowIfNull(text);
        int invalid = IndexOfUnpairedSurrogate(text);
        if (invalid >= 0)
        {
            throw new ArgumentException(
                $"The text has an unpaired surrogate U+{(int)text[invalid]:X4} at index {invalid}; it has no Unicode normal form.",
                nameof(text));
        }

        return text.Normalize(form);
    }

    /// <summary>The text under each of the four forms, with its length and code points.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> contains an unpaired surrogate.</exception>
    public static IReadOnlyList<NormalizationView> CompareForms(string text) =>
        Forms.Select(form =>
        {
            string normalized = Normalize(text, form);
            return new NormalizationView(form, normalized, normalized.Length, Describe(normalized).Select(c => c.Notation).ToList());
        }).ToList();

    /// <summary>Describes every code point of <paramref name="text"/>; an unpaired surrogate is described as such.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static IReadOnlyList<CodePointInfo> Describe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<CodePointInfo>(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out Rune rune, out int length) != OperationStatus.Done)
            {
                result.Add(new CodePointInfo(text[i].ToString(), text[i], UnicodeCategory.Surrogate, "unpaired surrogate"));
                i++;
                continue;
            }

            result.Add(new CodePointInfo(rune.ToString(), rune.Value, Rune.GetUnicodeCategory(rune), DescribeRune(rune.Value)));
            i += length;
        }

        return result;
    }

    /// <summary>Index of the first unpaired surrogate in <paramref name="text"/>, or −1.</summary>
    public static int IndexOfUnpairedSurrogate(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string DescribeRune(int value)
    {
        if (value is >= Hangul.FirstSyllable and <= Hangul.LastSyllable)
        {
            HangulSyllable parts = Hangul.Decompose((char)value);
            string final = parts.HasFinal ? "+" + Hangul.FinalJamo[parts.Final] : "";
            return $"Hangul syllable {Hangul.InitialJamo[parts.Initial]}+{Hangul.MedialJamo[parts.Medial]}{final}";
        }

        int initial = value - ConjoiningInitialFirst;
        if (initial is >= 0 and < Hangul.InitialCount)
        {
            return $"conjoining jamo, initial {Hangul.InitialJamo[initial]}";
        }

        int medial = value - ConjoiningMedialFirst;
        if (medial is >= 0 and < Hangul.MedialCount)
        {
            return $"conjoining jamo, vowel {Hangul.MedialJamo[medial]}";
        }

        int finalIndex = value - ConjoiningFinalBeforeFirst;
        if (finalIndex is >= 1 and < Hangul.FinalCount)
        {
            return $"conjoining jamo, final {Hangul.FinalJamo[finalIndex]}";
        }

        if (value is >= 0x3131 and <= 0x318E)
        {
            return "compatibility jamo";
        }

        if (value is >= FullWidthFirst and <= FullWidthLast)
        {
            return $"full-width form of '{(char)(value - FullWidthOffset)}'";
        }

        if (value == 0x3000)
        {
            return "ideographic (full-width) space";
        }

        return Rune.GetUnicodeCategory(new Rune(value)) switch
        {
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => "combining mark",
            UnicodeCategory.Format when value == 0x200D => "zero-width joiner",
            UnicodeCategory.Format => "format character",
            UnicodeCategory.Control => "control character",
            _ => "",
        };
    }
}
