using System.Runtime.InteropServices;
using System.Text;
using RnnWorkbook.Text.Normalization;

namespace RnnWorkbook.Text.Subword;

/// <summary>
/// Learns a byte-pair encoding (Sennrich et al. 2016) from text: start from a base alphabet (bytes, or
/// characters in sentence-piece mode), count adjacent pairs inside each pre-tokenized word, merge the
/// most frequent pair into a new token, and repeat until the vocabulary is full.
/// </summary>
/// <remarks>
/// Words are counted once and kept as distinct words with counts, so a merge costs time in proportion
/// to the words that contain the pair, not to the corpus (see <see cref="BpeMergeLearner"/>). Ties
/// between equally frequent pairs go to the pair whose left, then right, token is first in ordinal
/// order, so training is deterministic. The returned model keeps every merge with the count it had
/// (<see cref="BpeModel.MergeTrace"/>), for showing training step by step.
/// </remarks>
public sealed class BpeTrainer
{
    /// <summary>Creates a trainer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (a vocabulary smaller than its alphabet, a frequency below 1, a coverage outside (0, 1]).</exception>
    /// <exception cref="ArgumentException">The special tokens are empty, null or repeated.</exception>
    public BpeTrainer(BpeTrainerOptions? options = null)
    {
        Options = options ?? new BpeTrainerOptions();
        if (!Enum.IsDefined(Options.Mode))
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.Mode, "Unknown BPE mode.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MinFrequency, 1, nameof(options));
        if (Options.CharacterCoverage is not (> 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.CharacterCoverage, "Character coverage must be in (0, 1].");
        }

        ArgumentNullException.ThrowIfNull(Options.SpecialTokens, nameof(options));
        if (Options.SpecialTokens.Any(string.IsNullOrEmpty) || Options.SpecialTokens.Distinct(StringComparer.Ordinal).Count() != Options.SpecialTokens.Count)
        {
            throw new ArgumentException("Special tokens must be non-empty and distinct.", nameof(options));
        }

        int minimum = SpecialTokens.Count + (Options.Mode == BpeMode.ByteLevel ? 256 : 1);
        if (Options.VocabularySize < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.VocabularySize,
                $"The vocabulary must hold the {SpecialTokens.Count} special tokens and the base alphabet: at least {minimum} tokens.");
        }
    }

    /// <summary>The settings this trainer uses.</summary>
    public BpeTrainerOptions Options { get; }

    /// <summary>The special tokens the model will have: the options' list, plus "&lt;unk&gt;" in sentence-piece mode when missing.</summary>
    public IReadOnlyList<string> SpecialTokens =>
        Options.Mode == BpeMode.SentencePiece && !Options.SpecialTokens.Contains(Vocabulary.UnknownToken)
            ? [.. Options.SpecialTokens, Vocabulary.UnknownToken]
            : Options.SpecialTokens;

    /// <summary>Trains on one text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException">The text has an unpaired surrogate, or its alphabet does not fit the vocabulary size.</exception>
    public BpeModel Train(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Train([text]);
    }

    /// <summary>Trains on several texts (lines, documents); merges never cross from one text into the next.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> or one of its texts is null.</exception>
    /// <exception cref="ArgumentException">A text has an unpaired surrogate, or the alphabet does not fit the vocabulary size.</exception>
    public BpeModel Train(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var tokens = new List<string>(SpecialTokens);
        var tokenIds = tokens.Select((token, id) => (token, id)).ToDictionary(p => p.token, p => p.id, StringComparer.Ordinal);
        var matcher = new SpecialTokenMatcher(tokenIds);
        Dictionary<string, long> wordCounts = Options.Mode == BpeMode.ByteLevel
            ? CountByteLevelWords(texts, matcher)
            : CountSentencePieceWords(texts, matcher);

        List<int[]> words;
        int barrier = -1;
        if (Options.Mode == BpeMode.ByteLevel)
        {
            for (int b = 0; b < 256; b++)
            {
                AddBaseToken(tokens, tokenIds, ByteLevelAlphabet.ToChar((byte)b).ToString());
            }

            words = wordCounts.Keys.Select(word => Encoding.UTF8.GetBytes(word).Select(b => tokenIds[ByteLevelAlphabet.ToChar(b).ToString()]).ToArray()).ToList();
        }
        else
        {
            foreach (int rune in ChooseAlphabet(wordCounts))
            {
                AddBaseToken(tokens, tokenIds, char.ConvertFromUtf32(rune));
            }

            if (tokens.Count > Options.VocabularySize)
            {
                throw new ArgumentException(
                    $"The vocabulary size {Options.VocabularySize} is smaller than the {SpecialTokens.Count} special tokens plus the " +
                    $"{tokens.Count - SpecialTokens.Count} characters needed to cover {Options.CharacterCoverage:P2} of this text.", nameof(texts));
            }

            barrier = tokenIds[Vocabulary.UnknownToken];
            words = wordCounts.Keys.Select(word => RuneValues(word).Select(r => tokenIds.GetValueOrDefault(char.ConvertFromUtf32(r), barrier)).ToArray()).ToList();
        }

        var learner = new BpeMergeLearner(words, [.. wordCounts.Values], tokens, tokenIds, barrier);
        List<(int Left, int Right, long Count)> merges = learner.Learn(Options.VocabularySize, Options.MinFrequency);
        return new BpeModel(Options.Mode, tokens, SpecialTokens.Count, merges.Select(m => (tokens[m.Left], tokens[m.Right], m.Count)).ToList());
    }

    private static void AddBaseToken(List<string> tokens, Dictionary<string, int> tokenIds, string token)
    {
        if (!tokenIds.TryAdd(token, tokens.Count))
        {
            throw new ArgumentException($"The special token '{token}' collides with a base-alphabet token.", "options");
        }

        tokens.Add(token);
    }

    /// <summary>Counts GPT-2 pre-tokenization pieces, outside special tokens.</summary>
    private static Dictionary<string, long> CountByteLevelWords(IEnumerable<string> texts, SpecialTokenMatcher matcher)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var segments = new List<(int Start, int Length, int SpecialId)>();
        foreach (string text in texts)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(texts));
            int invalid = UnicodeInspector.IndexOfUnpairedSurrogate(text);
            if (invalid >= 0)
            {
                throw new ArgumentException($"A training text has an unpaired surrogate at index {invalid}; byte-level BPE works on UTF-8.", nameof(texts));
            }

            matcher.Split(text, segments);
            foreach ((int start, int length, int specialId) in segments)
            {
                if (specialId >= 0)
                {
                    continue;
                }

                ReadOnlySpan<char> segment = text.AsSpan(start, length);
                foreach (System.Text.RegularExpressions.ValueMatch match in Gpt2PreTokenizer.Regex().EnumerateMatches(segment))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(lookup, segment.Slice(match.Index, match.Length), out _)++;
                }
            }
        }

        return counts;
    }

    /// <summary>Counts sentence-piece words ("▁Hello"), outside special tokens.</summary>
    private static Dictionary<string, long> CountSentencePieceWords(IEnumerable<string> texts, SpecialTokenMatcher matcher)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var segments = new List<(int Start, int Length, int SpecialId)>();
        var units = new List<(int Rune, int Start, int Length)>();
        var words = new List<(int First, int Count)>();
        foreach (string text in texts)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(texts));
            matcher.Split(text, segments);
            foreach ((int start, int length, int specialId) in segments)
            {
                if (specialId >= 0)
                {
                    continue;
                }

                SentencePieceUnits.Build(text, start, length, units);
                SentencePieceUnits.SplitWords(units, words);
                foreach ((int first, int count) in words)
                {
                    string word = SentencePieceUnits.WordText(units, first, count);
                    counts[word] = counts.GetValueOrDefault(word) + 1;
                }
            }
        }

        return counts;
    }

    /// <summary>
    /// The most frequent characters (ties by code point) that together cover the configured share of
    /// all character occurrences; '▁' is always included.
    /// </summary>
    private List<int> ChooseAlphabet(Dictionary<string, long> wordCounts)
    {
        var runeCounts = new Dictionary<int, long>();
        foreach ((string word, long count) in wordCounts)
        {
            foreach (int rune in RuneValues(word))
            {
                runeCounts[rune] = runeCounts.GetValueOrDefault(rune) + count;
            }
        }

        double needed = Options.CharacterCoverage * runeCounts.Values.Sum();
        var alphabet = new List<int>();
        long covered = 0;
        foreach ((int rune, long count) in runeCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key))
        {
            if (covered >= needed)
            {
                break;
            }

            alphabet.Add(rune);
            covered += count;
        }

        if (!alphabet.Contains(SentencePieceUnits.SpaceMark))
        {
            alphabet.Add(SentencePieceUnits.SpaceMark);
        }

        return alphabet;
    }

    private static IEnumerable<int> RuneValues(string word) => word.EnumerateRunes().Select(r => r.Value).ToList();
}
