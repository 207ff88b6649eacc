using System.Text;

namespace RnnWorkbook.Text.Korean;

/// <summary>
/// Hangul syllable arithmetic: the 11,172 precomposed syllables U+AC00–U+D7A3 are laid out as
/// <c>0xAC00 + (initial × 21 + medial) × 28 + final</c>, so a syllable can be taken apart into
/// 초성/중성/종성 and rebuilt with integer arithmetic, without a table.
/// </summary>
/// <remarks>
/// The jamo strings hold Hangul Compatibility Jamo (U+3131–U+318E), the letters a Korean reader
/// writes on their own ("ㅎ", "ㅏ", "ㄴ"). Unicode NFD decomposes a syllable into different,
/// conjoining jamo (U+1100–U+11FF); see <see cref="Normalization.UnicodeInspector"/>.
/// </remarks>
public static class Hangul
{
    #region Arithmetic
    /// <summary>The first precomposed syllable, 가.</summary>
    public const char FirstSyllable = '\uAC00';

    /// <summary>The last precomposed syllable, 힣.</summary>
    public const char LastSyllable = '\uD7A3';

    /// <summary>Number of initial consonants (초성).</summary>
    public const int InitialCount = 19;

    /// <summary>Number of vowels (중성).</summary>
    public const int MedialCount = 21;

    /// <summary>Number of final-consonant slots (종성), counting "no final" as index 0.</summary>
    public const int FinalCount = 28;

    /// <summary>Initial consonants in index order.</summary>
    public const string InitialJamo = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";

    /// <summary>Vowels in index order.</summary>
    public const string MedialJamo = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";

    /// <summary>Final consonants in index order; index 0 (a space here) means no final consonant.</summary>
    public const string FinalJamo = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";

    /// <summary>True for a precomposed syllable (가–힣).</summary>
    public static bool IsSyllable(char c) => c is >= FirstSyllable and <= LastSyllable;

    /// <summary>Takes a precomposed syllable apart: 한 → (ㅎ=18, ㅏ=0, ㄴ=4).</summary>
    /// <exception cref="ArgumentException"><paramref name="syllable"/> is not a precomposed Hangul syllable.</exception>
    public static HangulSyllable Decompose(char syllable)
    {
        if (!IsSyllable(syllable))
        {
            throw new ArgumentException($"U+{(int)syllable:X4} is not a precomposed Hangul syllable (U+AC00–U+D7A3).", nameof(syllable));
        }

        int index = syllable - FirstSyllable;
        return new HangulSyllable(index / (MedialCount * FinalCount), index % (MedialCount * FinalCount) / FinalCount, index % FinalCount);
    }

    /// <summary>Builds a syllable from its jamo indices: (ㅎ=18, ㅏ=0, ㄴ=4) → 한.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside its table.</exception>
    public static char Compose(int initial, int medial, int final = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initial);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(initial, InitialCount);
        ArgumentOutOfRangeException.ThrowIfNegative(medial);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(medial, MedialCount);
        ArgumentOutOfRangeException.ThrowIfNegative(final);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(final, FinalCount);
        return (char)(FirstSyllable + (((initial * MedialCount) + medial) * FinalCount) + final);
    }
    #endregion

    /// <summary>True when <paramref name="c"/> is a syllable with a final consonant (받침).</summary>
    public static bool HasFinal(char c) => IsSyllable(c) && (c - FirstSyllable) % FinalCount != 0;

    /// <summary>The same syllable with its final consonant replaced (0 removes it): 먹 with 0 → 머.</summary>
    /// <exception cref="ArgumentException"><paramref name="syllable"/> is not a precomposed Hangul syllable.</exception>
    public static char WithFinal(char syllable, int final)
    {
        HangulSyllable parts = Decompose(syllable);
        return Compose(parts.Initial, parts.Medial, final);
    }

    /// <summary>The same syllable with its vowel replaced: 가 with ㅓ (4) → 거.</summary>
    /// <exception cref="ArgumentException"><paramref name="syllable"/> is not a precomposed Hangul syllable.</exception>
    public static char WithMedial(char syllable, int medial)
    {
        HangulSyllable parts = Decompose(syllable);
        return Compose(parts.Initial, medial, parts.Final);
    }

    /// <summary>
    /// Spells every syllable out in compatibility jamo ("한국어" → "ㅎㅏㄴㄱㅜㄱㅇㅓ"); other characters pass through.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string ToJamo(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length * 3);
        foreach (char c in text)
        {
            if (!IsSyllable(c))
            {
                builder.Append(c);
                continue;
            }

            HangulSyllable parts = Decompose(c);
            builder.Append(InitialJamo[parts.Initial]).Append(MedialJamo[parts.Medial]);
            if (parts.HasFinal)
            {
                builder.Append(FinalJamo[parts.Final]);
            }
        }

        return builder.ToString();
    }
}
