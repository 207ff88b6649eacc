using System.Diagnostics;
using static TorchSharp.torch;

namespace RnnWorkbook.Sequences;

/// <summary>
/// Trains a <see cref="SequenceTagger"/> with Adam on equal-length batches (<see cref="LengthBatches"/>),
/// one epoch at a time, measuring validation accuracy after each; keeps the best epoch's weights and stops
/// after <c>patience</c> epochs without improvement (early stopping, 조기 종료).
/// </summary>
public static class TaggerTraining
{
    /// <summary>Fits the model in place and restores the weights of its best validation epoch.</summary>
    /// <param name="model">The tagger.</param>
    /// <param name="train">Training sequences.</param>
    /// <param name="validation">Validation sequences (choose on these, never on the test set).</param>
    /// <param name="maxEpochs">Epochs at most.</param>
    /// <param name="patience">Epochs without a better validation accuracy before stopping.</param>
    /// <param name="batchSize">B.</param>
    /// <param name="learningRate">Adam's step size.</param>
    /// <param name="maxGradNorm">Clipping threshold of the global gradient norm.</param>
    /// <param name="seed">Seeds the batch order and TorchSharp's generator (dropout).</param>
    /// <param name="progress">Receives each epoch as it ends.</param>
    /// <exception cref="NotFiniteNumberException">The loss became NaN or ∞; the message names the epoch and step.</exception>
    public static TaggerHistory Fit(SequenceTagger model, IReadOnlyList<EncodedSequence> train, IReadOnlyList<EncodedSequence> validation,
        int maxEpochs, int patience = 1, int batchSize = 32, double learningRate = 0.002, double maxGradNorm = 5.0,
        int seed = Workbook.DefaultSeed, IProgress<TaggerEpoch>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEpochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patience);
        if (train.Count == 0 || validation.Count == 0)
        {
            throw new ArgumentException($"train and validation need sequences: got {train.Count} and {validation.Count}.", train.Count == 0 ? nameof(train) : nameof(validation));
        }

        random.manual_seed(seed);
        var order = new Random(seed);
        using var adam = optim.Adam(model.parameters(), lr: learningRate);
        var epochs = new List<TaggerEpoch>();
        Dictionary<string, Tensor>? best = null;
        int bestEpoch = 0;
        try
        {
            for (int epoch = 1; epoch <= maxEpochs; epoch++)
            {
                var clock = Stopwatch.StartNew();
                model.train();
                double lossSum = 0;
                long tokens = 0;
                int step = 0;
                foreach (var batch in LengthBatches.Create([.. train.Select(s => s.Length)], batchSize, order))
                {
                    step++;
                    using var scope = NewDisposeScope();
                    var (xs, ts) = Tensors(train, batch);
                    adam.zero_grad();
                    var scores = model.forward(xs);
                    var loss = nn.functional.cross_entropy(scores.reshape(-1, model.TagCount), ts.reshape(-1));
                    double value = loss.item<float>();
                    if (!double.IsFinite(value))
                    {
                        throw new NotFiniteNumberException(
                            $"The loss became {value} in epoch {epoch}, step {step}: lower the learning rate ({learningRate}).", value);
                    }

                    loss.backward();
                    nn.utils.clip_grad_norm_(model.parameters(), maxGradNorm);
                    adam.step();
                    int count = batch.Length * train[batch[0]].Length;
                    lossSum += value * count;
                    tokens += count;
                }

                double accuracy = Accuracy(validation, Predict(model, validation));
                var record = new TaggerEpoch(epoch, lossSum / tokens, accuracy, clock.Elapsed.TotalSeconds);
                epochs.Add(record);
                progress?.Report(record);
                if (bestEpoch == 0 || accuracy > epochs[bestEpoch - 1].ValidationAccuracy)
                {
                    bestEpoch = epoch;
                    Dispose(best);
                    best = Snapshot(model);
                }
                else if (epoch - bestEpoch >= patience)
                {
                    break;
                }
            }

            Restore(model, best!);
        }
        finally
        {
            Dispose(best);
        }

        return new TaggerHistory(epochs, bestEpoch);
    }

    /// <summary>The most probable tag id at every position of every sequence (evaluation mode, no dropout).</summary>
    public static int[][] Predict(SequenceTagger model, IReadOnlyList<EncodedSequence> sequences, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sequences);
        model.eval();
        var predicted = new int[sequences.Count][];
        using var noGrad = no_grad();
        foreach (var batch in LengthBatches.Create([.. sequences.Select(s => s.Length)], batchSize))
        {
            using var scope = NewDisposeScope();
            var (xs, _) = Tensors(sequences, batch);
            var best = model.forward(xs).argmax(2).data<long>().ToArray();
            int time = sequences[batch[0]].Length;
            for (int b = 0; b < batch.Length; b++)
            {
                predicted[batch[b]] = [.. best.Skip(b * time).Take(time).Select(v => (int)v)];
            }
        }

        return predicted;
    }

    /// <summary>The share of tokens whose predicted tag is the gold tag.</summary>
    public static double Accuracy(IReadOnlyList<EncodedSequence> sequences, int[][] predicted)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(predicted);
        long right = 0, all = 0;
        for (int i = 0; i < sequences.Count; i++)
        {
            for (int t = 0; t < sequences[i].Length; t++)
            {
                right += predicted[i][t] == sequences[i].Tags[t] ? 1 : 0;
                all++;
            }
        }

        return all == 0 ? double.NaN : (double)right / all;
    }

    /// <summary>xs (B, T, K) and tags (B, T) of the given sequences, all of one length.</summary>
    public static (Tensor Features, Tensor Tags) Tensors(IReadOnlyList<EncodedSequence> sequences, int[] batch)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(batch);
        int time = sequences[batch[0]].Length, k = sequences[batch[0]].FeatureCount;
        var features = new long[batch.Length * time * k];
        var tags = new long[batch.Length * time];
        for (int b = 0; b < batch.Length; b++)
        {
            var s = sequences[batch[b]];
            if (s.Length != time)
            {
                throw new ArgumentException($"batch: sequence {batch[b]} has length {s.Length}, the batch's is {time}.", nameof(batch));
            }

            for (int i = 0; i < s.Features.Length; i++)
            {
                features[b * time * k + i] = s.Features[i];
            }

            for (int t = 0; t < time; t++)
            {
                tags[b * time + t] = s.Tags[t];
            }
        }

        return (tensor(features, [batch.Length, time, k]), tensor(tags, [batch.Length, time]));
    }

    private static Dictionary<string, Tensor> Snapshot(SequenceTagger model)
    {
        using var noGrad = no_grad();
        return model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone().DetachFromDisposeScope());
    }

    private static void Restore(SequenceTagger model, Dictionary<string, Tensor> weights)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            parameter.copy_(weights[name]);
        }
    }

    private static void Dispose(Dictionary<string, Tensor>? weights)
    {
        foreach (var tensor in weights?.Values ?? Enumerable.Empty<Tensor>())
        {
            tensor.Dispose();
        }
    }
}
