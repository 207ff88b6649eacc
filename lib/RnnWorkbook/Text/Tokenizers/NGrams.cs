using System.Globalization;

namespace RnnWorkbook.Text.Tokenizers;

/// <summary>
/// Word and character n-grams: every run of <c>n</c> consecutive items, in order. A sequence of
/// length L has L − n + 1 n-grams (none when L &lt; n).
/// </summary>
public static class NGrams
{
    #region Of
    /// <summary>Every window of <paramref name="n"/> consecutive items: [a, b, c] with n = 2 → [a, b], [b, c].</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public static IReadOnlyList<T[]> Of<T>(IReadOnlyList<T> items, int n)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var grams = new List<T[]>(Math.Max(0, items.Count - n + 1));
        for (int start = 0; start + n <= items.Count; start++)
        {
            var gram = new T[n];
            for (int k = 0; k < n; k++)
            {
                gram[k] = items[start + k];
            }

            grams.Add(gram);
        }

        return grams;
    }
    #endregion

    /// <summary>Word n-grams joined by <paramref name="separator"/>: ["I", "like", "tea"], n = 2 → "I like", "like tea".</summary>
    /// <exception cref="ArgumentNullException"><paramref name="words"/> or <paramref name="separator"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public static IReadOnlyList<string> Words(IReadOnlyList<string> words, int n, string separator = " ")
    {
        ArgumentNullException.ThrowIfNull(separator);
        return Of(words, n).Select(gram => string.Join(separator, gram)).ToList();
    }

    /// <summary>
    /// Character n-grams over grapheme clusters, with offsets into <paramref name="text"/>:
    /// "한국어", n = 2 → "한국" [0..2), "국어" [1..3). Emoji and combining sequences count as one character.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public static IReadOnlyList<Token> Characters(string text, int n)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var boundaries = new List<int> { 0 };
        int i = 0;
        while (i < text.Length)
        {
            i += StringInfo.GetNextTextElementLength(text.AsSpan(i));
            boundaries.Add(i);
        }

        var grams = new List<Token>(Math.Max(0, boundaries.Count - n));
        for (int k = 0; k + n < boundaries.Count; k++)
        {
            grams.Add(Token.Slice(text, boundaries[k], boundaries[k + n] - boundaries[k]));
        }

        return grams;
    }
}
