using RnnWorkbook.Data;
using RnnWorkbook.Sequences;

namespace RnnWorkbook.Tests.Sequences;

public class TaggingDataTests
{
    private static readonly UniversalTagMap Map = UniversalTagMap.Parse("en-brown", "AT\tDET\nNN\tNOUN\nVBD\tVERB\n.\t.");

    [Fact]
    public void Brown_is_split_by_file_every_tenth_file_for_test_and_the_fifth_of_each_ten_for_validation()
    {
        var documents = Enumerable.Range(1, 20).Select(i => new BrownDocument(
            $"c{i:00}", "news", [[new TaggedWord("The", "AT"), new TaggedWord($"w{i}", "NN"), new TaggedWord("ran", "VBD"), new TaggedWord("x", "FW")]])).ToArray();

        var split = BrownTagging.Split(documents, Map);
        var shorter = BrownTagging.Split(documents, Map, trainFiles: 3);

        Assert.Equal(["c10", "c20"], split.TestSources);
        Assert.Equal(["c05", "c15"], split.ValidationSources);
        Assert.Equal((16, 2, 2), (split.Train.Count, split.Validation.Count, split.Test.Count));
        Assert.Equal(["The", "w10", "ran", "x"], split.Test[0].Tokens);
        Assert.Equal(["DET", "NOUN", "VERB", "X"], split.Test[0].Tags);
        Assert.Equal(["w1", "w2", "w3"], shorter.Train.Select(s => s.Tokens[1]));
        Assert.Equal(split.TestSources, shorter.TestSources);
        var smoke = BrownTagging.Split(documents, Map, heldOutFiles: 1);
        Assert.Equal(["c10"], smoke.TestSources);
        Assert.Equal(["c05"], smoke.ValidationSources);
        Assert.Equal(16, smoke.Train.Count);
    }

    [Fact]
    public void Word_features_are_the_lowercased_word_its_suffix_and_its_shape()
    {
        var train = new[] { TaggedSentence.Create(["Running", "running", "fast", "."], ["VERB", "VERB", "ADV", "."]) };
        var features = WordShapeFeatures.Build(train);
        Span<int> ids = stackalloc int[3];

        features.Encode("RUNNING", ids);
        Assert.Equal(features.Words.IdOf("running"), ids[0]);
        Assert.Equal(features.Suffixes.IdOf("ing"), ids[1]);
        Assert.Equal(2, ids[2]);
        features.Encode("fast", ids);
        Assert.Equal(RnnWorkbook.Text.Vocabulary.UnknownId, ids[0]);   // seen once: below minWordCount = 2
        Assert.True(features.IsKnown("Running"));
        Assert.False(features.IsKnown("walking"));
        Assert.Equal(["lower", "Capitalized", "UPPER", "digit", "punctuation", "hyphen", "other", "Capitalized"],
            new[] { "dog", "Dog", "NATO", "1960s", ",", "well-known", "McCoy", "A" }.Select(w => WordShapeFeatures.Shapes[WordShapeFeatures.ShapeOf(w)]));
        Assert.Equal("at", WordShapeFeatures.Suffix("At"));
    }

    [Fact]
    public void The_baseline_tags_each_word_with_its_most_frequent_tag_and_unseen_words_with_the_most_frequent_overall()
    {
        var train = new[]
        {
            TaggedSentence.Create(["I", "can", "can", "a", "can"], ["PRON", "VERB", "VERB", "DET", "NOUN"]),
            TaggedSentence.Create(["the", "can", "fish"], ["DET", "NOUN", "NOUN"]),
        };
        var baseline = MostFrequentTagBaseline.Fit(train);

        // can: VERB 2, NOUN 2: the tie goes to the tag more frequent overall (NOUN 3 > VERB 2).
        Assert.Equal(["NOUN", "PRON", "NOUN", "NOUN"], baseline.Tag(["can", "I", "unseen", "fish"]));
        Assert.Equal("NOUN", baseline.OverallTag);
        Assert.False(baseline.Knows("unseen"));
        Assert.Throws<ArgumentException>(() => MostFrequentTagBaseline.Fit([]));
    }

    [Fact]
    public void Encoding_refuses_an_empty_sentence_and_an_unknown_tag_and_length_batches_cover_every_sequence_once()
    {
        var tags = new TagSet(["A", "B"]);
        var features = SymbolFeatures.Build([TaggedSentence.Create(["x", "x"], ["A", "B"])]);

        Assert.Contains("nothing to tag", Assert.Throws<ArgumentException>(() => EncodedSequence.Encode(TaggedSentence.Create([], []), features, tags)).Message);
        Assert.Contains("'C' is not one of A B", Assert.Throws<ArgumentException>(() => EncodedSequence.Encode(TaggedSentence.Create(["x"], ["C"]), features, tags)).Message);
        Assert.Throws<ArgumentException>(() => TaggedSentence.Create(["x"], []));

        int[] lengths = [3, 1, 3, 2, 3, 3, 1];
        var batches = LengthBatches.Create(lengths, 2, new Random(1));
        Assert.Equal(Enumerable.Range(0, 7), batches.SelectMany(b => b).Order());
        Assert.All(batches, b => Assert.Single(b.Select(i => lengths[i]).Distinct()));
        Assert.All(batches, b => Assert.True(b.Length <= 2));
        Assert.Equal(batches.Select(b => b.ToArray()), LengthBatches.Create(lengths, 2, new Random(1)).Select(b => b.ToArray()));
        Assert.Equal(new int[][] { [1, 6], [3], [0, 2], [4, 5] }, LengthBatches.Create(lengths, 2));
    }

    [Fact]
    public void The_confusion_matrix_counts_gold_rows_and_predicted_columns()
    {
        var tags = new TagSet(["N", "V"]);
        var matrix = new ConfusionMatrix(tags);
        matrix.AddAll([new EncodedSequence([0, 0, 0], [0, 0, 1], 1)], [[0, 1, 1]]);

        Assert.Equal((1L, 1L, 0L, 1L), (matrix[0, 0], matrix[0, 1], matrix[1, 0], matrix[1, 1]));
        Assert.Equal(2.0 / 3, matrix.Accuracy, 12);
        Assert.Equal(0.5, matrix.RowShares()[0, 1]);
        Assert.Equal([("N", "V", 1L)], matrix.TopConfusions(3));
    }
}
