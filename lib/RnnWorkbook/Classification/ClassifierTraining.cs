using System.Diagnostics;
using RnnWorkbook.Vectors;
using static TorchSharp.torch;

namespace RnnWorkbook.Classification;

/// <summary>Sizes and stopping rule of <see cref="ClassifierTraining.Fit"/>.</summary>
/// <param name="MaxEpochs">At most this many passes over the training texts.</param>
/// <param name="Patience">Stop after this many epochs without a better validation macro-F1.</param>
/// <param name="BatchSize">B.</param>
/// <param name="LearningRate">Adam's step size.</param>
/// <param name="MaxLength">Longer texts are truncated to their first MaxLength units.</param>
/// <param name="MaxGradNorm">Clipping threshold of the global gradient norm.</param>
/// <param name="Seed">Seeds the batch order and the dropout masks.</param>
public sealed record TrainingOptions(int MaxEpochs = 10, int Patience = 2, int BatchSize = 32, double LearningRate = 0.002,
    int MaxLength = 200, double MaxGradNorm = 5.0, int Seed = Workbook.DefaultSeed);

/// <summary>One epoch: mean training loss, validation macro-F1 and accuracy, wall time and training speed.</summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double ValidationMacroF1, double ValidationAccuracy, double Seconds, double TextsPerSecond);

/// <summary>The epochs of a run and the one whose weights were kept.</summary>
public sealed record TrainingRun(IReadOnlyList<EpochRecord> Epochs, int BestEpoch, int TruncatedTexts)
{
    /// <summary>The kept epoch's record.</summary>
    public EpochRecord Best => Epochs[BestEpoch - 1];

    /// <summary>Mean seconds per epoch.</summary>
    public double SecondsPerEpoch => Epochs.Average(e => e.Seconds);

    /// <summary>Mean training texts per second.</summary>
    public double TextsPerSecond => Epochs.Average(e => e.TextsPerSecond);
}

/// <summary>
/// Trains a <see cref="TorchClassifier"/> with early stopping (조기 종료): one epoch of length-bucketed
/// batches, validation macro-F1 after it, the best epoch's weights kept and restored at the end.
/// </summary>
public static class ClassifierTraining
{
    /// <summary>Trains on (train, trainLabels), chooses the epoch on (validation, validationLabels).</summary>
    /// <exception cref="ArgumentException">Labels outside 0 … K−1, or a class missing from a split.</exception>
    /// <exception cref="NotFiniteNumberException">The loss became NaN or ∞; the message names epoch and batch.</exception>
    public static TrainingRun Fit(TorchClassifier model, int[][] train, int[] trainLabels, int[][] validation, int[] validationLabels,
        TrainingOptions options, IProgress<EpochRecord>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(options);
        var names = Enumerable.Range(0, model.Classes).Select(k => $"class {k}").ToArray();
        ClassLabels.Require(trainLabels, model.Classes, train.Length);
        ClassLabels.Require(validationLabels, model.Classes, validation.Length);
        ClassLabels.RequireEveryClass(trainLabels, names, "training");
        ClassLabels.RequireEveryClass(validationLabels, names, "validation");

        random.manual_seed(options.Seed);
        var lengths = train.Select(t => Math.Min(t.Length, options.MaxLength)).ToArray();
        using var adam = optim.Adam(model.parameters().Where(p => p.requires_grad), lr: options.LearningRate);
        var epochs = new List<EpochRecord>();
        Dictionary<string, Tensor>? best = null;
        int bestEpoch = 0, truncated = train.Count(t => t.Length > options.MaxLength);
        double bestF1 = double.NegativeInfinity;
        for (int epoch = 1; epoch <= options.MaxEpochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            model.train();
            double lossSum = 0;
            int batchNumber = 0;
            foreach (var rows in LengthBuckets.Batches(lengths, options.BatchSize, options.Seed + epoch))
            {
                batchNumber++;
                using var scope = NewDisposeScope();
                var (ids, lens) = Tensors(rows.Select(i => (IReadOnlyList<int>)train[i]).ToArray(), options.MaxLength);
                using var targets = tensor(rows.Select(i => (long)trainLabels[i]).ToArray());
                adam.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(ids, lens), targets);
                double value = loss.item<float>();
                if (!double.IsFinite(value))
                {
                    throw new NotFiniteNumberException(
                        $"The loss became {value} in epoch {epoch}, batch {batchNumber}: lower the learning rate ({options.LearningRate}).", value);
                }

                loss.backward();
                nn.utils.clip_grad_norm_(model.parameters().Where(p => p.requires_grad), options.MaxGradNorm);
                adam.step();
                lossSum += value * rows.Length;
            }

            double seconds = clock.Elapsed.TotalSeconds;
            var predicted = Predict(model, validation, options.MaxLength, options.BatchSize * 4);
            var record = new EpochRecord(epoch, lossSum / train.Length, Metrics.MacroF1(validationLabels, predicted, model.Classes),
                Metrics.Accuracy(validationLabels, predicted), seconds, train.Length / seconds);
            epochs.Add(record);
            progress?.Report(record);
            if (record.ValidationMacroF1 > bestF1)
            {
                (bestF1, bestEpoch) = (record.ValidationMacroF1, epoch);
                DisposeAll(best);
                best = model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope());
            }
            else if (epoch - bestEpoch >= options.Patience)
            {
                break;
            }
        }

        model.load_state_dict(best!);
        DisposeAll(best);
        model.eval();
        return new TrainingRun(epochs, bestEpoch, truncated);
    }

    /// <summary>Class probabilities (N, K) of every text, in the given order (evaluation mode, no gradients).</summary>
    public static float[,] Probabilities(TorchClassifier model, int[][] texts, int maxLength = 200, int batchSize = 128)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Length, model.Classes];
        bool wasTraining = model.training;
        model.eval();
        using (no_grad())
        {
            foreach (var rows in LengthBuckets.InOrder(texts.Select(t => t.Length).ToArray(), batchSize))
            {
                using var scope = NewDisposeScope();
                var (ids, lens) = Tensors(rows.Select(i => (IReadOnlyList<int>)texts[i]).ToArray(), maxLength);
                var p = nn.functional.softmax(model.forward(ids, lens), 1).data<float>().ToArray();
                for (int r = 0; r < rows.Length; r++)
                {
                    for (int k = 0; k < model.Classes; k++)
                    {
                        result[rows[r], k] = p[(r * model.Classes) + k];
                    }
                }
            }
        }

        model.train(wasTraining);
        return result;
    }

    /// <summary>The most probable class of every text.</summary>
    public static int[] Predict(TorchClassifier model, int[][] texts, int maxLength = 200, int batchSize = 128) =>
        Evaluation.ArgMax(Probabilities(model, texts, maxLength, batchSize));

    /// <summary>A padded batch as TorchSharp tensors: ids (B, T) and lengths (B), both int64.</summary>
    public static (Tensor Ids, Tensor Lengths) Tensors(IReadOnlyList<IReadOnlyList<int>> sequences, int maxLength)
    {
        var batch = PaddedBatch.Create(sequences, maxLength: maxLength);
        return (tensor(batch.Ids.Select(i => (long)i).ToArray(), [batch.BatchSize, batch.TimeSize]),
            tensor(batch.Lengths.Select(l => (long)l).ToArray()));
    }

    private static void DisposeAll(Dictionary<string, Tensor>? tensors)
    {
        foreach (var t in tensors?.Values ?? Enumerable.Empty<Tensor>())
        {
            t.Dispose();
        }
    }
}
