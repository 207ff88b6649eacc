using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Sequences;

/// <summary>One epoch of <see cref="Seq2SeqTraining.Fit{T}"/>: mean training loss and validation exact-match accuracy.</summary>
public sealed record Seq2SeqEpoch(int Epoch, double TrainLoss, double ValidationAccuracy);

/// <summary>
/// Trains a scratch <see cref="Seq2Seq{T}"/> with Adam and clipping by global norm, one shuffled pass over the
/// training pairs per epoch; after each epoch it measures exact-match accuracy on validation (greedy decoding),
/// keeps the best epoch's weights and restores them at the end.
/// </summary>
public static class Seq2SeqTraining
{
    /// <summary>Fits the model; returns one row per epoch.</summary>
    /// <param name="model">Trained in place; ends with the weights of the best validation epoch.</param>
    /// <param name="xs">Training sources (N, T).</param>
    /// <param name="ts">Training targets (N, T′ + 1), start token first.</param>
    /// <param name="validationXs">Validation sources.</param>
    /// <param name="validationTs">Validation targets.</param>
    /// <param name="epochs">Passes over the training pairs.</param>
    /// <param name="batchSize">Pairs per step.</param>
    /// <param name="learningRate">Adam's step size.</param>
    /// <param name="maxGradNorm">Clipping threshold.</param>
    /// <param name="seed">Seed of the shuffling.</param>
    /// <param name="progress">Receives each epoch's row.</param>
    /// <exception cref="NotFiniteNumberException">The loss became NaN or ∞; the message names the epoch and step.</exception>
    public static IReadOnlyList<Seq2SeqEpoch> Fit<T>(Seq2Seq<T> model, NdArray<int> xs, NdArray<int> ts, NdArray<int> validationXs,
        NdArray<int> validationTs, int epochs, int batchSize = 128, double learningRate = 0.005, double maxGradNorm = 5.0,
        int seed = Workbook.DefaultSeed, IProgress<Seq2SeqEpoch>? progress = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (xs.Dim(0) != ts.Dim(0))
        {
            throw new ArgumentException($"ts: {ts.Dim(0)} rows, but xs has {xs.Dim(0)}.", nameof(ts));
        }

        var adam = new Adam<T>(learningRate);
        var random = new Random(seed);
        int n = xs.Dim(0);
        var order = Enumerable.Range(0, n).ToArray();
        var history = new List<Seq2SeqEpoch>();
        NdArray<T>[]? best = null;
        double bestAccuracy = -1;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            double total = 0;
            int steps = 0;
            for (int start = 0; start < n; start += batchSize)
            {
                var rows = order.AsSpan(start, Math.Min(batchSize, n - start)).ToArray();
                double loss = double.CreateChecked(model.Forward(Rows(xs, rows), Rows(ts, rows)));
                if (!double.IsFinite(loss))
                {
                    throw new NotFiniteNumberException($"The loss became {loss} at epoch {epoch}, step {steps + 1}: lower the learning rate ({learningRate}).", loss);
                }

                model.Backward();
                GradientClipping.ClipByGlobalNorm(model.Grads, maxGradNorm);
                adam.Update(model.Params, model.Grads);
                total += loss;
                steps++;
            }

            double accuracy = ExactMatch(model, validationXs, validationTs);
            var row = new Seq2SeqEpoch(epoch, total / steps, accuracy);
            history.Add(row);
            progress?.Report(row);
            if (accuracy > bestAccuracy)
            {
                (bestAccuracy, best) = (accuracy, [.. model.Params.Select(p => p.Clone())]);
            }
        }

        for (int i = 0; i < best!.Length; i++)
        {
            model.Params[i].CopyFrom(best[i]);
        }

        return history;
    }

    /// <summary>The share of rows whose greedy output equals ts[:, 1:] at every position.</summary>
    public static double ExactMatch<T>(Seq2Seq<T> model, NdArray<int> xs, NdArray<int> ts) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ts);
        int n = xs.Dim(0), length = ts.Dim(1) - 1, correct = 0;
        var output = model.Generate(xs, ts[0, 0], length);
        for (int r = 0; r < n; r++)
        {
            bool same = true;
            for (int t = 0; t < length && same; t++)
            {
                same = output[r, t] == ts[r, t + 1];
            }

            correct += same ? 1 : 0;
        }

        return (double)correct / n;
    }

    /// <summary>The given rows of an id matrix (N, T), in that order.</summary>
    public static NdArray<int> Rows(NdArray<int> ids, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(rows);
        int width = ids.Dim(1);
        var result = new NdArray<int>(rows.Count, width);
        for (int i = 0; i < rows.Count; i++)
        {
            ids.Data.AsSpan(rows[i] * width, width).CopyTo(result.Data.AsSpan(i * width, width));
        }

        return result;
    }
}
