using RnnWorkbook.Data;
using RnnWorkbook.Display;
using RnnWorkbook.Sequences;
using static TorchSharp.torch;

namespace RnnWorkbook.Tests.Sequences;

/// <summary>The CMUdict split, the error rates, the G2P model's decoding and its refusals.</summary>
public class GraphemeToPhonemeTests
{
    [Fact]
    public void Edit_distance_known_answers()
    {
        Assert.Equal(3, GraphemeScores.EditDistance("kitten".ToArray(), "sitting".ToArray()));
        Assert.Equal(3, GraphemeScores.EditDistance(Array.Empty<char>(), "abc".ToArray()));
        Assert.Equal(0, GraphemeScores.EditDistance("abc".ToArray(), "abc".ToArray()));
        Assert.Equal(2, GraphemeScores.EditDistance(new[] { "K", "AE", "T" }, new[] { "K", "AA", "T", "S" }));
    }

    [Fact]
    public void A_word_is_right_when_it_matches_any_pronunciation_and_PER_uses_the_closest_one()
    {
        GraphemeWord[] words =
        [
            new("EITHER", [["IY", "DH", "ER"], ["AY", "DH", "ER"]]),
            new("CAT", [["K", "AE", "T"]]),
        ];

        var scores = GraphemeScores.Score(words, [["AY", "DH", "ER"], ["K", "T"]], lengthLimitHits: 1);

        Assert.Equal(0.5, scores.WordErrorRate, 12);       // EITHER right (second pronunciation), CAT wrong
        Assert.Equal(1.0 / 6, scores.PhonemeErrorRate, 12); // (0 + 1 deletion) / (3 + 3)
        Assert.Equal(1, scores.LengthLimitHits);
        Assert.Throws<ArgumentException>(() => GraphemeScores.Score(words, [["K"]]));
    }

    [Fact]
    public void The_split_keeps_every_word_with_all_its_pronunciations_on_one_side_and_repeats_with_the_seed()
    {
        var entries = Entries(300);
        var split = CmuDictSplit.Create(entries, validationShare: 0.1, testShare: 0.2, seed: 3);

        var sides = new[] { split.Train, split.Validation, split.Test };
        var all = sides.SelectMany(s => s.Select(w => w.Word)).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());             // no word on two sides
        Assert.Equal(300, all.Count);
        Assert.Equal(60, split.Test.Count);
        Assert.Equal(30, split.Validation.Count);
        Assert.All(sides.SelectMany(s => s), w => Assert.Equal(2, w.Pronunciations.Count)); // K AH1 T and K AH0 T merge
        Assert.Equal(2, split.EntriesLeftOut);                         // "A-1" and "ÉTÉ"
        Assert.All(split.Train, w => Assert.All(w.Pronunciations.SelectMany(p => p), p => Assert.DoesNotMatch("[0-9]", p)));

        var again = CmuDictSplit.Create(entries, validationShare: 0.1, testShare: 0.2, seed: 3);
        Assert.Equal(split.Test.Select(w => w.Word), again.Test.Select(w => w.Word));
        var other = CmuDictSplit.Create(entries, validationShare: 0.1, testShare: 0.2, seed: 4);
        Assert.NotEqual(split.Test.Select(w => w.Word), other.Test.Select(w => w.Word));

        var stressed = CmuDictSplit.Create(entries, validationShare: 0.1, testShare: 0.2, keepStress: true, seed: 3);
        Assert.All(stressed.Train, w => Assert.Equal(3, w.Pronunciations.Count));
        Assert.Contains("AH1", stressed.Train.SelectMany(w => w.Pronunciations).SelectMany(p => p));
    }

    [Fact]
    public void Words_outside_the_alphabet_and_empty_words_are_refused_clearly()
    {
        Assert.Equal("CAT'S", CmuDictSplit.Normalize("cat's"));
        var empty = Assert.Throws<ArgumentException>(() => CmuDictSplit.Normalize(""));
        Assert.Equal("word", empty.ParamName);
        Assert.Contains("empty word", empty.Message);
        var accent = Assert.Throws<ArgumentException>(() => CmuDictSplit.Normalize("naïve"));
        Assert.Contains("'ï' (U+00EF) at index 2", accent.Message);

        using var g2p = Model(useAttention: true);
        Assert.Throws<ArgumentException>(() => g2p.Pronounce("r2d2"));
        Assert.Throws<ArgumentException>(() => g2p.Greedy(["ok", ""]));
        Assert.Equal("beamWidth", Assert.Throws<ArgumentOutOfRangeException>(() => g2p.Pronounce("ok", beamWidth: 0)).ParamName);
        using var plain = Model(useAttention: false);
        Assert.Throws<InvalidOperationException>(() => plain.Attention("ok"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Batched_greedy_decoding_equals_beam_width_one_word_by_word_whatever_the_padding(bool useAttention)
    {
        using var g2p = Model(useAttention);
        string[] words = ["A", "CAT", "EXTRAORDINARY", "O'NEIL", "BOOKKEEPER"];

        var batched = g2p.Greedy(words);

        for (int i = 0; i < words.Length; i++)
        {
            var beam = g2p.Beam(words[i], beamWidth: 1)[0];
            Assert.Equal(beam.Tokens.Select(g2p.Phonemes.Token), batched[i].Phonemes);
            Assert.Equal(beam.Finished, batched[i].Finished);
        }
    }

    [Fact]
    public void Attention_weights_are_a_distribution_over_the_letters_and_zero_on_padding()
    {
        using var g2p = Model(useAttention: true);
        var (phonemes, weights) = g2p.Attention("book");
        Assert.Equal(phonemes.Count, weights.GetLength(0));
        Assert.Equal(4, weights.GetLength(1));
        for (int t = 0; t < weights.GetLength(0); t++)
        {
            Assert.Equal(1.0, Enumerable.Range(0, 4).Sum(j => weights[t, j]), 5);
        }

        using var scope = NewDisposeScope();
        var source = tensor(new long[] { 2, 3, 0, 0, 4, 5, 6, 7 }, 2, 4);
        var encoding = g2p.Model.Encode(source, tensor(new long[] { 2, 4 }));
        var (alpha, _) = g2p.Model.Attend(encoding, encoding.H);
        Assert.Equal(0f, alpha[0, 2].item<float>());
        Assert.Equal(0f, alpha[0, 3].item<float>());
        Assert.Equal(1f, alpha[0].sum().item<float>(), 5);

        var chart = Charts.Heatmap("attention", ["B", "O", "O", "K"], [.. phonemes], weights);
        Assert.Contains("\"type\":\"heatmap\"", chart.ToFigureJson());
        Assert.Throws<ArgumentException>(() => Charts.Heatmap("bad", ["B"], [.. phonemes], weights));
    }

    [Fact]
    public void Training_restores_the_weights_of_the_best_validation_epoch()
    {
        // A made-up language where each letter has one sound.
        string[] sounds = ["AA", "B", "K", "D", "EH", "F", "G"];
        var random = new Random(1);
        var words = Enumerable.Range(0, 160)
            .Select(_ => new string([.. Enumerable.Range(0, random.Next(2, 5)).Select(_ => (char)('A' + random.Next(7)))]))
            .Distinct().Select(w => new GraphemeWord(w, [[.. w.Select(c => sounds[c - 'A'])]])).ToList();
        var (train, validation) = (words.Skip(30).ToList(), words.Take(30).ToList());
        using var g2p = new GraphemeToPhoneme(train, new GraphemeToPhonemeOptions(EmbeddingSize: 8, EncoderSize: 16, AttentionSize: 16, Dropout: 0, Seed: 2));

        var history = g2p.Fit(train, validation, epochs: 3, batchSize: 16, learningRate: 0.01, patience: 3);

        Assert.Equal(3, history.Count);
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss, string.Join("; ", history));
        var best = history.MinBy(e => e.ValidationWer)!;
        var restored = g2p.Evaluate(validation);
        Assert.Equal(best.ValidationWer, restored.WordErrorRate, 12);
        Assert.Equal(best.ValidationPer, restored.PhonemeErrorRate, 12);
    }

    private static GraphemeToPhoneme Model(bool useAttention)
    {
        GraphemeWord[] train = [new("CAT", [["K", "AE", "T"]]), new("DOG", [["D", "AO", "G"]])];
        return new GraphemeToPhoneme(train, new GraphemeToPhonemeOptions(useAttention, EmbeddingSize: 8, EncoderSize: 8, AttentionSize: 8, MaxLength: 12, Seed: 5));
    }

    private static List<CmuDictEntry> Entries(int words)
    {
        var entries = new List<CmuDictEntry>();
        for (int i = 0; i < words; i++)
        {
            string word = new([.. i.ToString("D3").Select(d => (char)('A' + d - '0'))]);
            entries.Add(new CmuDictEntry(word, 1, ["K", "AH1", "T"]));
            entries.Add(new CmuDictEntry(word, 2, ["K", "AE1", "T"]));
            entries.Add(new CmuDictEntry(word, 3, ["K", "AH0", "T"]));
        }

        entries.Add(new CmuDictEntry("A-1", 1, ["EY1"]));
        entries.Add(new CmuDictEntry("ÉTÉ", 1, ["EY0", "T", "EY1"]));
        return entries;
    }
}
