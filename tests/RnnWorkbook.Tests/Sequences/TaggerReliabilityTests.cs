using RnnWorkbook.Data;
using RnnWorkbook.Sequences;

namespace RnnWorkbook.Tests.Sequences;

/// <summary>Inputs outside the alphabet, empty inputs and bad arguments, on small trained models.</summary>
public class TaggerReliabilityTests
{
    [Fact]
    public void A_spacer_learns_a_regular_pattern_reports_characters_outside_its_alphabet_and_refuses_an_empty_input()
    {
        // Every line is words of two syllables: a space after every second character.
        string[] syllables = ["가", "나", "다", "라", "마", "바", "사"];
        var random = new Random(3);
        var lines = Enumerable.Range(0, 300).Select(_ => string.Join(' ',
            Enumerable.Range(0, random.Next(2, 5)).Select(_ => syllables[random.Next(7)] + syllables[random.Next(7)]))).ToArray();
        var split = KoreanSpacing.Split(lines, 1, 0.1, 0.1, null, out _);
        var features = SymbolFeatures.Build(split.Train);
        var encode = (IEnumerable<TaggedSentence> s) => s.Select(x => EncodedSequence.Encode(x, features, KoreanSpacing.Tags)).ToArray();
        using var model = new SequenceTagger(features.Sizes, [8], 16, 2, seed: 5);

        var history = TaggerTraining.Fit(model, encode(split.Train), encode(split.Validation), maxEpochs: 6, patience: 6, batchSize: 16, learningRate: 0.02);
        var tagger = new Tagger(model, features, KoreanSpacing.Tags);
        var result = tagger.Tag(["가", "나", "다", "★", "마", "바"]);

        Assert.True(history.BestValidationAccuracy > 0.95, $"validation accuracy {history.BestValidationAccuracy}");
        Assert.Equal(["★"], result.UnknownTokens);
        Assert.Equal("1", result.Tags[1]);
        Assert.Equal(6, result.Tags.Count);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => tagger.Tag([])).Message);
        Assert.Contains("token 1", Assert.Throws<ArgumentException>(() => tagger.Tag(["가", ""])).Message);
        Assert.Throws<ArgumentException>(() => new Tagger(model, features, new TagSet(["a", "b", "c"])));
    }

    [Fact]
    public void Names_are_split_by_name_and_sampling_checks_its_arguments_and_marks_the_length_limit()
    {
        var corpus = new NamesCorpus(["Ann", "Anna", "Jo", "Mary", "Sue", "Eve", "Ida", "Amy", "Kim", "Lee"], ["Jo", "Bob", "Tom", "Kim", "Lee", "Max", "Sam", "Ned", "Ian", "Al"]);
        var data = NameData.Split(corpus, seed: 2, validationShare: 0.2, testShare: 0.2);

        var sides = new[] { data.Train, data.Validation, data.Test };
        foreach (var shared in new[] { "Jo", "Kim", "Lee" })
        {
            Assert.Single(sides, side => side.Any(e => e.Name == shared));
            Assert.Equal(2, sides.Single(side => side.Any(e => e.Name == shared)).Count(e => e.Name == shared));
        }

        Assert.Equal(20, sides.Sum(s => s.Count));
        var (inputs, targets) = data.Encode("Jo");
        Assert.Equal([RnnWorkbook.Text.Vocabulary.BeginId, data.Characters.IdOf("J"), data.Characters.IdOf("o")], inputs);
        Assert.Equal([data.Characters.IdOf("J"), data.Characters.IdOf("o"), RnnWorkbook.Text.Vocabulary.EndId], targets);
        Assert.Throws<ArgumentException>(() => data.Encode(""));

        using var model = new ConditionedNameModel(2, data.Characters.Count, 4, 8);
        var epochs = NameGeneration.Fit(model, data, maxEpochs: 2);
        Assert.InRange(epochs.Count, 1, 2);
        Assert.True(double.IsFinite(NameGeneration.Nll(model, data, data.Test)));
        var cut = NameGeneration.Sample(model, data, 0, 8, temperature: 1.0, maxLength: 1, seed: 4);
        Assert.Equal(8, cut.Count);
        Assert.All(cut, n => Assert.Equal(n.Name.Length == 1, n.Truncated));
        Assert.All(cut, n => Assert.True(n.Name.Length <= 1, n.Name));
        Assert.Equal(cut.Select(n => n.Name), NameGeneration.Sample(model, data, 0, 8, temperature: 1.0, maxLength: 1, seed: 4).Select(n => n.Name));
        Assert.Throws<ArgumentOutOfRangeException>(() => NameGeneration.Sample(model, data, 2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NameGeneration.Sample(model, data, 0, 1, temperature: 0));
        Assert.Throws<ArgumentException>(() => NameGeneration.Nll(model, data, []));
    }
}
