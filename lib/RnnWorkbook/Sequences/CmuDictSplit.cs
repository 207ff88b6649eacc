using RnnWorkbook.Data;

namespace RnnWorkbook.Sequences;

/// <summary>A word of the pronouncing dictionary with every pronunciation it has (one or more).</summary>
/// <param name="Word">The spelling, upper-case letters and apostrophes.</param>
/// <param name="Pronunciations">Its pronunciations as ARPAbet phonemes, in the dictionary's order.</param>
public sealed record GraphemeWord(string Word, IReadOnlyList<IReadOnlyList<string>> Pronunciations)
{
    /// <inheritdoc />
    public override string ToString() => $"{Word} → {string.Join(" | ", Pronunciations.Select(p => string.Join(' ', p)))}";
}

/// <summary>The words of a grapheme-to-phoneme split: training, validation (for choosing) and test (measured once).</summary>
public sealed record CmuDictSplit(IReadOnlyList<GraphemeWord> Train, IReadOnlyList<GraphemeWord> Validation, IReadOnlyList<GraphemeWord> Test, int EntriesLeftOut)
{
    /// <summary>The letters a word may hold: A–Z and the apostrophe.</summary>
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ'";

    /// <summary>
    /// Groups the entries by word (all pronunciations of a word stay together), keeps words spelled with
    /// <see cref="Alphabet"/> only, shuffles the words with <paramref name="seed"/> (Fisher–Yates) and cuts them
    /// into test, validation and training words. With <paramref name="keepStress"/> false the vowels lose
    /// their stress digits (AH0 → AH: 39 phonemes), and pronunciations that become equal are merged.
    /// </summary>
    /// <param name="entries">Dictionary entries, e.g. <see cref="Nltk.CmuDict"/>.</param>
    /// <param name="validationShare">Share of the words for validation.</param>
    /// <param name="testShare">Share of the words for test.</param>
    /// <param name="keepStress">Keep the stress digits (1 primary, 2 secondary, 0 none) on the vowels.</param>
    /// <param name="maxWords">When positive, only this many words (taken after the shuffle, before the cut): a smaller, still random, dictionary.</param>
    /// <param name="seed">Seed of the shuffle.</param>
    public static CmuDictSplit Create(IEnumerable<CmuDictEntry> entries, double validationShare = 0.05, double testShare = 0.1,
        bool keepStress = false, int maxWords = 0, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (!(validationShare > 0 && testShare > 0 && validationShare + testShare < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationShare), $"validation ({validationShare}) and test ({testShare}) shares must be positive and sum to less than 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxWords);
        int leftOut = 0;
        var byWord = new Dictionary<string, List<IReadOnlyList<string>>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var entry in entries)
        {
            if (entry.Word.Length == 0 || !entry.Word.All(c => Alphabet.Contains(c)) || entry.Phonemes.Count == 0)
            {
                leftOut++;
                continue;
            }

            IReadOnlyList<string> phonemes = keepStress ? [.. entry.Phonemes] : [.. entry.Phonemes.Select(p => p.TrimEnd('0', '1', '2'))];
            if (!byWord.TryGetValue(entry.Word, out var list))
            {
                byWord[entry.Word] = list = [];
                order.Add(entry.Word);
            }

            if (!list.Any(p => p.SequenceEqual(phonemes)))
            {
                list.Add(phonemes);
            }
        }

        var words = order.ToArray();
        new Random(seed).Shuffle(words);
        if (maxWords > 0 && maxWords < words.Length)
        {
            words = words[..maxWords];
        }

        int test = Math.Max(1, (int)Math.Round(words.Length * testShare));
        int validation = Math.Max(1, (int)Math.Round(words.Length * validationShare));
        if (test + validation >= words.Length)
        {
            throw new ArgumentException($"entries: {words.Length} usable words are too few to split.", nameof(entries));
        }

        GraphemeWord[] Take(int start, int count) => [.. words.Skip(start).Take(count).Select(w => new GraphemeWord(w, byWord[w]))];
        return new CmuDictSplit(Take(test + validation, words.Length - test - validation), Take(test, validation), Take(0, test), leftOut);
    }

    /// <summary>Checks that a word is one the model can read: not empty, letters of <see cref="Alphabet"/> (case ignored). Returns it upper-case.</summary>
    /// <exception cref="ArgumentException">The word is empty, or holds a character outside the alphabet (named with its position).</exception>
    public static string Normalize(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length == 0)
        {
            throw new ArgumentException("word: an empty word has no pronunciation to predict.", nameof(word));
        }

        string upper = word.ToUpperInvariant();
        for (int i = 0; i < upper.Length; i++)
        {
            if (!Alphabet.Contains(upper[i]))
            {
                throw new ArgumentException(
                    $"word: \"{word}\" has '{word[i]}' (U+{(int)word[i]:X4}) at index {i}, outside the model's alphabet A–Z and '.", nameof(word));
            }
        }

        return upper;
    }
}
