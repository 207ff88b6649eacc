using RnnWorkbook.Classification;
using RnnWorkbook.Scratch;
using static TorchSharp.torch;

namespace RnnWorkbook.Tests.Classification;

/// <summary>The TorchSharp classifiers read no padding, train, stop early and repeat with the seed.</summary>
public class TorchClassifierTests
{
    [Theory]
    [InlineData(RecurrentKind.Lstm, false, PoolingKind.LastStep)]
    [InlineData(RecurrentKind.Gru, false, PoolingKind.Mean)]
    [InlineData(RecurrentKind.Lstm, true, PoolingKind.LastStep)]
    [InlineData(RecurrentKind.Lstm, true, PoolingKind.Max)]
    public void A_text_scores_the_same_alone_and_in_a_padded_batch(RecurrentKind kind, bool bidirectional, PoolingKind pooling)
    {
        random.manual_seed(1);
        using var model = new TorchClassifier(kind, 10, 4, 3, 2, bidirectional, pooling);
        model.eval();
        int[][] texts = [[2, 3, 4, 5, 6], [7, 8]];
        var together = ClassifierTraining.Probabilities(model, texts);
        var alone = ClassifierTraining.Probabilities(model, [texts[1]]);
        Assert.Equal(alone[0, 0], together[1, 0], 1e-6f);
        Assert.Equal(alone[0, 1], together[1, 1], 1e-6f);
    }

    [Fact]
    public void Training_learns_a_rule_and_the_same_seed_gives_the_same_figures()
    {
        // Class 1 exactly when id 3 occurs: a rule an LSTM learns in a few epochs.
        var random = new Random(5);
        var texts = Enumerable.Range(0, 240).Select(_ => Enumerable.Range(0, random.Next(2, 9)).Select(_ => random.Next(2, 8)).ToArray()).ToArray();
        var labels = texts.Select(t => t.Contains(3) ? 1 : 0).ToArray();
        var options = new TrainingOptions(MaxEpochs: 8, Patience: 3, BatchSize: 16, LearningRate: 0.02, Seed: 9);

        (TrainingRun Run, int[] Predictions) Train()
        {
            TorchSharp.torch.random.manual_seed(9);
            using var model = new TorchClassifier(RecurrentKind.Gru, 8, 8, 8, 2);
            var run = ClassifierTraining.Fit(model, texts[..200], labels[..200], texts[200..], labels[200..], options);
            return (run, ClassifierTraining.Predict(model, texts[200..]));
        }

        var first = Train();
        var second = Train();
        Assert.True(first.Run.Best.ValidationAccuracy > 0.9, $"validation accuracy {first.Run.Best.ValidationAccuracy}");
        Assert.Equal(first.Run.Epochs.Select(e => e.TrainLoss), second.Run.Epochs.Select(e => e.TrainLoss));
        Assert.Equal(first.Predictions, second.Predictions);
        Assert.Equal(first.Run.Best.ValidationMacroF1, RnnWorkbook.Vectors.Metrics.MacroF1(labels[200..], first.Predictions, 2), 12);
    }

    [Fact]
    public void A_class_missing_from_a_split_is_refused_by_name()
    {
        using var model = new TorchClassifier(RecurrentKind.Lstm, 5, 2, 2, 3);
        int[][] texts = [[2], [3], [4]];
        var error = Assert.Throws<ArgumentException>(() =>
            ClassifierTraining.Fit(model, texts, [0, 1, 2], texts[..2], [0, 1], new TrainingOptions(MaxEpochs: 1)));
        Assert.Contains("validation split has no example of class 2", error.Message);
        Assert.Throws<ArgumentException>(() => ClassLabels.RequireEveryClass([0, 0], ["none", "hate"], "dev"));
    }
}
