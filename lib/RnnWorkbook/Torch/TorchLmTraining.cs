using System.Diagnostics;
using RnnWorkbook.Scratch;
using static TorchSharp.torch;

namespace RnnWorkbook.Torch;

/// <summary>
/// Trains and measures a <see cref="TorchGatedLm"/> on a token stream with truncated BPTT, the batches of
/// <see cref="TbpttBatcher"/> (the scratch models' layout): Adam, clipping by global norm, a visible loop.
/// </summary>
public static class TorchLmTraining
{
    /// <summary>Runs <paramref name="steps"/> training steps and returns the loss of each (nats per token).</summary>
    /// <param name="model">The model, trained in place (stateful: the state flows across batches).</param>
    /// <param name="ids">The training stream.</param>
    /// <param name="batchSize">B, parallel streams.</param>
    /// <param name="timeSize">T, the truncation length.</param>
    /// <param name="steps">Optimizer steps.</param>
    /// <param name="learningRate">Adam's step size.</param>
    /// <param name="maxGradNorm">Clipping threshold of the global gradient norm.</param>
    /// <param name="seed">Seeds TorchSharp's generator (dropout masks).</param>
    /// <param name="progress">Receives (step, loss) every 50 steps and at the end.</param>
    /// <param name="finalLearningRate">When given, the step size falls from <paramref name="learningRate"/> to this
    /// value along a half cosine over the steps (Loshchilov &amp; Hutter 2017, without restarts); otherwise it stays.</param>
    /// <exception cref="NotFiniteNumberException">The loss became NaN or ∞; the message names the step.</exception>
    public static IReadOnlyList<double> Train(TorchGatedLm model, int[] ids, int batchSize, int timeSize, int steps,
        double learningRate = 0.002, double maxGradNorm = 1.0, int seed = Workbook.DefaultSeed, IProgress<(int Step, double Loss)>? progress = null,
        double? finalLearningRate = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        if (finalLearningRate is { } final && !(final >= 0 && final <= learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(finalLearningRate), $"finalLearningRate: expected 0 … {learningRate} (the starting rate), got {final}.");
        }

        random.manual_seed(seed);
        var batches = new TbpttBatcher(ids, batchSize, timeSize);
        using var adam = optim.Adam(model.parameters(), lr: learningRate);
        model.train();
        model.ResetState();
        var losses = new List<double>(steps);
        for (int step = 1; step <= steps; step++)
        {
            using var scope = NewDisposeScope();
            var (xs, ts) = batches.Next();
            if (finalLearningRate is { } lowest)
            {
                double rate = lowest + 0.5 * (learningRate - lowest) * (1 + Math.Cos(Math.PI * (step - 1) / steps));
                foreach (var group in adam.ParamGroups)
                {
                    group.LearningRate = rate;
                }
            }

            adam.zero_grad();
            var loss = model.Loss(model.forward(TensorConvert.ToTensor(xs)), TensorConvert.ToTensor(ts));
            double value = loss.item<float>();
            if (!double.IsFinite(value))
            {
                throw new NotFiniteNumberException(
                    $"The loss became {value} at step {step}: lower the learning rate ({learningRate}) or clip harder (max norm {maxGradNorm}).", value);
            }

            loss.backward();
            nn.utils.clip_grad_norm_(model.parameters(), maxGradNorm);
            adam.step();
            losses.Add(value);
            if (step % 50 == 0 || step == steps)
            {
                progress?.Report((step, value));
            }
        }

        return losses;
    }

    /// <summary>The mean cross-entropy (nats per token) of predicting <paramref name="ids"/>[n + 1] from what precedes, every token once.</summary>
    public static double MeanLoss(TorchGatedLm model, int[] ids, int batchSize = 16, int timeSize = 256)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ids);
        model.eval();
        model.ResetState();
        using var noGrad = no_grad();
        // B contiguous streams; the last partial block of each is scored too.
        int perStream = (ids.Length - 1) / batchSize;
        double total = 0;
        long count = 0;
        for (int start = 0; start < perStream; start += timeSize)
        {
            using var scope = NewDisposeScope();
            int t = Math.Min(timeSize, perStream - start);
            var xs = new NdArray<int>(batchSize, t);
            var ts = new NdArray<int>(batchSize, t);
            for (int b = 0; b < batchSize; b++)
            {
                for (int j = 0; j < t; j++)
                {
                    xs[b, j] = ids[b * perStream + start + j];
                    ts[b, j] = ids[b * perStream + start + j + 1];
                }
            }

            var loss = model.Loss(model.forward(TensorConvert.ToTensor(xs)), TensorConvert.ToTensor(ts));
            total += loss.item<float>() * batchSize * t;
            count += batchSize * t;
        }

        model.ResetState();
        model.train();
        return total / count;
    }

    /// <summary>Tokens/s of training steps at this size, measured over <paramref name="steps"/> steps after one warm-up step.</summary>
    public static double TrainingTokensPerSecond(TorchGatedLm model, int[] ids, int batchSize, int timeSize, int steps = 20)
    {
        Train(model, ids, batchSize, timeSize, 1);
        var clock = Stopwatch.StartNew();
        Train(model, ids, batchSize, timeSize, steps);
        return steps * (double)batchSize * timeSize / clock.Elapsed.TotalSeconds;
    }
}
