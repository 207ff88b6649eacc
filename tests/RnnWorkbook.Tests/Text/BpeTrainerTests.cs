using RnnWorkbook.Text.Subword;

namespace RnnWorkbook.Tests.Text;

public class BpeTrainerTests
{
    private static BpeModel TrainSentencePiece(string text, int merges, int minFrequency = 2)
    {
        // Alphabet size first, so the vocabulary leaves room for exactly `merges` new tokens.
        int alphabet = text.Replace(' ', '▁').Distinct().Count() + (text.Contains(' ') ? 0 : 1);
        var options = new BpeTrainerOptions
        {
            Mode = BpeMode.SentencePiece,
            CharacterCoverage = 1.0,
            MinFrequency = minFrequency,
            VocabularySize = 1 + alphabet + merges,
        };
        return new BpeTrainer(options).Train(text);
    }

    [Fact]
    public void Learns_the_classic_example_with_deterministic_ties()
    {
        // ▁low ×5, ▁lower ×2, ▁newest ×6, ▁widest ×3 (Sennrich et al. 2016).
        string text = string.Join(' ', Enumerable.Repeat("low", 5).Concat(Enumerable.Repeat("lower", 2))
            .Concat(Enumerable.Repeat("newest", 6)).Concat(Enumerable.Repeat("widest", 3)));
        BpeModel model = TrainSentencePiece(text, merges: 9);

        // es and st both occur 9 times: "e" < "s", so es first. Later ties go to the ordinally first left token.
        (string, string, long)[] expected =
        [
            ("e", "s", 9), ("es", "t", 9), ("l", "o", 7), ("lo", "w", 7), ("▁", "low", 7),
            ("e", "w", 6), ("ew", "est", 6), ("n", "ewest", 6), ("▁", "newest", 6),
        ];
        Assert.Equal(expected, model.Merges.Select(m => (m.Left, m.Right, m.Count)));
        Assert.Equal(["▁low", "e", "r", "▁newest", "▁", "w", "i", "d", "est"], model.EncodeToPieces("lower newest widest"));
    }

    [Fact]
    public void Overlapping_pairs_merge_left_to_right()
    {
        // ▁aaaa ×2: (a, a) is counted at 3 places per word; rewriting left to right gives "▁ aa aa", one (aa, aa) per word.
        BpeModel model = TrainSentencePiece("aaaa aaaa", merges: 3);
        Assert.Equal([("a", "a", 6L), ("aa", "aa", 2L), ("▁", "aaaa", 2L)], model.Merges.Select(m => (m.Left, m.Right, m.Count)));
        Assert.Equal(["▁", "aa", "a"], model.EncodeToPieces("aaa"));
    }

    [Fact]
    public void Byte_level_merges_include_the_leading_space()
    {
        var options = new BpeTrainerOptions { VocabularySize = 256 + 2 };
        BpeModel model = new BpeTrainer(options).Train("ab ab ab");
        Assert.Equal([("a", "b", 3L), ("Ġ", "ab", 2L)], model.Merges.Select(m => (m.Left, m.Right, m.Count)));
        Assert.Equal(["ab", "Ġab", "Ġ", "b"], model.EncodeToPieces("ab ab b"));
    }

    [Fact]
    public void Min_frequency_stops_training()
    {
        BpeModel model = new BpeTrainer(new BpeTrainerOptions { VocabularySize = 1000, MinFrequency = 3 }).Train("ab ab ab");
        Assert.Equal([("a", "b", 3L)], model.Merges.Select(m => (m.Left, m.Right, m.Count)));
        Assert.Equal(257, model.VocabularySize);
    }

    [Fact]
    public void Incremental_counts_match_recounting_from_scratch()
    {
        string text = Corpora.TinyShakespeare[..20_000];
        BpeModel model = new BpeTrainer(new BpeTrainerOptions { VocabularySize = 256 + 300 }).Train(text);
        List<(string Left, string Right, long Count)> naive = NaiveByteLevelMerges(text, 300);
        Assert.Equal(naive, model.Merges.Select(m => (m.Left, m.Right, m.Count)));
    }

    [Fact]
    public void Training_is_deterministic_and_fills_the_vocabulary()
    {
        var options = new BpeTrainerOptions { VocabularySize = 1200, SpecialTokens = ["<pad>", "<|endoftext|>"] };
        string text = Corpora.TinyShakespeare[..100_000];
        BpeModel first = new BpeTrainer(options).Train(text);
        BpeModel second = new BpeTrainer(options).Train(text);
        Assert.Equal(first.Tokens, second.Tokens);
        Assert.Equal(1200, first.VocabularySize);
        Assert.Equal(["<pad>", "<|endoftext|>"], first.SpecialTokens);
        Assert.Equal(1200 - 2 - 256, first.Merges.Count);
        Assert.All(first.Merges.Zip(first.Merges.Skip(1)), pair => Assert.True(pair.First.Count >= pair.Second.Count, $"{pair.First} then {pair.Second}"));
    }

    [Fact]
    public void Special_tokens_are_never_split_or_learned_from()
    {
        var options = new BpeTrainerOptions { VocabularySize = 300, SpecialTokens = ["<|endoftext|>"] };
        BpeModel model = new BpeTrainer(options).Train(string.Concat(Enumerable.Repeat("<|endoftext|>hi ", 50)));
        Assert.DoesNotContain(model.Merges, m => m.Merged.Contains("endof", StringComparison.Ordinal));
        Assert.Equal([0, model.Encode("hi")[0]], model.Encode("<|endoftext|>hi"));
    }

    [Fact]
    public void Sentence_piece_alphabet_follows_character_coverage()
    {
        string text = string.Concat(Enumerable.Repeat("aaaa bbb ", 100)) + "z";
        BpeModel full = new BpeTrainer(new BpeTrainerOptions { Mode = BpeMode.SentencePiece, CharacterCoverage = 1.0, VocabularySize = 10 }).Train(text);
        BpeModel partial = new BpeTrainer(new BpeTrainerOptions { Mode = BpeMode.SentencePiece, CharacterCoverage = 0.99, VocabularySize = 10 }).Train(text);
        Assert.Contains("z", full.Tokens);
        Assert.DoesNotContain("z", partial.Tokens);
        Assert.Equal(["<unk>"], partial.SpecialTokens);
        Assert.Equal("aaaa <unk>", partial.Decode(partial.Encode("aaaa z")));
    }

    [Fact]
    public void Sentence_piece_mode_is_language_independent()
    {
        BpeModel model = new BpeTrainer(new BpeTrainerOptions { Mode = BpeMode.SentencePiece, VocabularySize = 4000 })
            .Train(Corpora.ChatbotQuestions.Split('\n'));
        IReadOnlyList<string> pieces = model.EncodeToPieces("오늘 날씨 좋다");
        Assert.All(pieces, p => Assert.DoesNotContain(' ', p));
        Assert.StartsWith("▁", pieces[0]);
        Assert.Equal("오늘 날씨 좋다", model.Decode(model.Encode("오늘 날씨 좋다")));
    }

    [Fact]
    public void Bad_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BpeTrainer(new BpeTrainerOptions { VocabularySize = 255 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BpeTrainer(new BpeTrainerOptions { MinFrequency = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BpeTrainer(new BpeTrainerOptions { CharacterCoverage = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BpeTrainer(new BpeTrainerOptions { CharacterCoverage = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BpeTrainer(new BpeTrainerOptions { Mode = (BpeMode)7 }));
        Assert.Throws<ArgumentException>(() => new BpeTrainer(new BpeTrainerOptions { SpecialTokens = ["<a>", "<a>"] }));
        Assert.Throws<ArgumentException>(() => new BpeTrainer(new BpeTrainerOptions { SpecialTokens = [""] }));
        Assert.Throws<ArgumentException>(() => new BpeTrainer(new BpeTrainerOptions { SpecialTokens = ["a"] }).Train("abc"));
        Assert.Throws<ArgumentException>(() => new BpeTrainer().Train("bad \uD800 text"));
        Assert.Throws<ArgumentNullException>(() => new BpeTrainer().Train((string)null!));
        Assert.Throws<ArgumentNullException>(() => new BpeTrainer().Train(["ok", null!]));
        Assert.Throws<ArgumentException>(() =>
            new BpeTrainer(new BpeTrainerOptions { Mode = BpeMode.SentencePiece, VocabularySize = 3, CharacterCoverage = 1 }).Train("abcdef"));
    }

    /// <summary>Reference BPE: recounts every pair from scratch before each merge (same tie-breaking).</summary>
    private static List<(string, string, long)> NaiveByteLevelMerges(string text, int merges)
    {
        var words = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match match in Gpt2Pattern().Matches(text))
        {
            words[match.Value] = words.GetValueOrDefault(match.Value) + 1;
        }

        var segmented = words.Select(pair => (Symbols: System.Text.Encoding.UTF8.GetBytes(pair.Key).Select(b => ByteLevelAlphabet.ToChar(b).ToString()).ToList(), Count: pair.Value)).ToList();
        var result = new List<(string, string, long)>();
        for (int step = 0; step < merges; step++)
        {
            var counts = new Dictionary<(string, string), long>();
            foreach ((List<string> symbols, long count) in segmented)
            {
                for (int i = 0; i + 1 < symbols.Count; i++)
                {
                    counts[(symbols[i], symbols[i + 1])] = counts.GetValueOrDefault((symbols[i], symbols[i + 1])) + count;
                }
            }

            var best = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal).First();
            if (best.Value < 2)
            {
                break;
            }

            result.Add((best.Key.Item1, best.Key.Item2, best.Value));
            foreach ((List<string> symbols, _) in segmented)
            {
                for (int i = 0; i + 1 < symbols.Count; i++)
                {
                    if (symbols[i] == best.Key.Item1 && symbols[i + 1] == best.Key.Item2)
                    {
                        symbols[i] += symbols[i + 1];
                        symbols.RemoveAt(i + 1);
                    }
                }
            }
        }

        return result;
    }

    private static System.Text.RegularExpressions.Regex Gpt2Pattern() =>
        new(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+");
}
