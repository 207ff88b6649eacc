using System.Text;
using RnnWorkbook.Text.Korean;

namespace RnnWorkbook.Embeddings;

/// <summary>
/// FastText's subwords: the word between boundary marks, "&lt;where&gt;", cut into every character n-gram of
/// length MinN..MaxN ("&lt;wh", "whe", ..., "ere&gt;", ...), each hashed into one of <c>Buckets</c> rows.
/// </summary>
/// <remarks>
/// The hash is 32-bit FNV-1a over the UTF-8 bytes, with each byte sign-extended first exactly as fastText's
/// <c>Dictionary::hash</c> does (it reads bytes as <c>int8_t</c>), so the buckets of non-ASCII n-grams match
/// fastText's and gensim's. N-grams are counted in Unicode characters, not bytes.
/// </remarks>
public static class SubwordNgrams
{
    #region Hash
    /// <summary>fastText's FNV-1a: h = 2166136261; for each byte b: h = (h ^ (uint)(sbyte)b) · 16777619.</summary>
    public static uint Hash(string ngram)
    {
        ArgumentNullException.ThrowIfNull(ngram);
        uint h = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(ngram))
        {
            h ^= (uint)(sbyte)b;
            h *= 16777619;
        }

        return h;
    }
    #endregion

    #region Ngrams
    /// <summary>The n-grams of "&lt;word&gt;" of length minN..maxN, in fastText's order (by start, then length).</summary>
    public static IReadOnlyList<string> Ngrams(string word, int minN = 3, int maxN = 6)
    {
        ArgumentNullException.ThrowIfNull(word);
        string[] chars = [.. EnumerateCharacters("<" + word + ">")];
        var ngrams = new List<string>();
        for (int start = 0; start < chars.Length; start++)
        {
            for (int n = minN; n <= maxN && start + n <= chars.Length; n++)
            {
                ngrams.Add(string.Concat(chars.AsSpan(start, n)));
            }
        }

        return ngrams;
    }

    private static IEnumerable<string> EnumerateCharacters(string text)
    {
        foreach (Rune rune in text.EnumerateRunes())
        {
            yield return rune.ToString();
        }
    }
    #endregion

    /// <summary>The text n-grams are taken from: the word, or its jamo spelling when <paramref name="jamo"/> is set.</summary>
    public static string Spelling(string word, bool jamo) => jamo ? Hangul.ToJamo(word) : word;

    /// <summary>The bucket rows (0..buckets−1) of a word's n-grams, duplicates kept as fastText does.</summary>
    public static int[] Buckets(string word, SubwordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. Ngrams(Spelling(word, options.Jamo), options.MinN, options.MaxN).Select(g => (int)(Hash(g) % (uint)options.Buckets))];
    }
}
