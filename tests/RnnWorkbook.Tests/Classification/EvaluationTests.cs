using RnnWorkbook.Classification;
using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Classification;

/// <summary>Evaluation figures on hand-worked answers, and the names split.</summary>
public class EvaluationTests
{
    [Fact]
    public void Per_class_precision_recall_and_the_confusion_matrix_match_a_hand_count()
    {
        // labels 0 0 1 1 2 2, predicted 0 1 1 1 0 2: class 0 P 1/2 R 1/2, class 1 P 2/3 R 1, class 2 P 1 R 1/2.
        var e = Evaluation.Of([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 0, 2], ["a", "b", "c"]);
        Assert.Equal(4 / 6.0, e.Accuracy, 12);
        Assert.Equal(new[,] { { 1, 1, 0 }, { 0, 2, 0 }, { 1, 0, 1 } }, e.Confusion);
        Assert.Equal([0.5, 0.6667, 1.0], e.PerClass.Select(c => c.Precision));
        Assert.Equal([0.5, 1.0, 0.5], e.PerClass.Select(c => c.Recall));
        Assert.Equal((0.5 + 0.8 + (2 / 3.0)) / 3, e.MacroF1, 12);
    }

    [Fact]
    public void Mean_and_sample_standard_deviation_and_the_most_confident_mistakes()
    {
        var summary = MeanStd.Of([0.7, 0.8, 0.9]);
        Assert.Equal(0.8, summary.Mean, 12);
        Assert.Equal(0.1, summary.Std, 12);
        Assert.Equal("0.800 ± 0.100 (3 runs)", summary.ToString());

        var p = new float[,] { { 0.9f, 0.1f }, { 0.2f, 0.8f }, { 0.4f, 0.6f }, { 0.95f, 0.05f } };
        var mistakes = Evaluation.MostConfidentMistakes(["a", "b", "c", "d"], [1, 1, 0, 1], p, ["neg", "pos"]);
        Assert.Equal(["d", "a", "c"], mistakes.Select(m => m.Text));
        Assert.Equal(0.95, mistakes[0].Confidence, 6);
        Assert.Equal("neg", mistakes[0].Predicted);
    }

    [Fact]
    public void Names_in_both_lists_are_left_out_and_the_split_is_seeded_and_disjoint()
    {
        var corpus = new NamesCorpus(["Ann", "Robin", "Mary", "Eve", "Jo", "Kim", "Lee", "Amy", "Sue", "Liz"],
            ["Bob", "robin", "Tom", "Sam", "Jon", "Max", "Ian", "Ed", "Al", "Kim"]);
        Assert.Equal(["Kim", "Robin"], NamesData.InBothLists(corpus));
        var split = NamesData.Split(corpus, 0.2, 0.2, seed: 1);
        string[] all = [.. split.TrainTexts, .. split.ValidationTexts, .. split.TestTexts];
        Assert.Equal(16, all.Length);
        Assert.Equal(all.Length, all.Distinct().Count());
        Assert.DoesNotContain("Kim", all);
        Assert.Equal(split.TestTexts, NamesData.Split(corpus, 0.2, 0.2, seed: 1).TestTexts);
        Assert.Equal([2, 2], split.TestLabels.GroupBy(l => l).Select(g => g.Count()));
    }
}
