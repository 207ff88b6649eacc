using System.Diagnostics;
using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// Trains a language model: for each batch forward, backward, optional gradient clipping, one optimizer
/// update; records the loss and perplexity every <see cref="EvalInterval"/> steps and the held-out perplexity
/// after each epoch.
/// </summary>
/// <remarks>
/// Perplexity is exp(mean cross-entropy): the number of equally likely next tokens the model is as unsure
/// as. The trainer has no randomness of its own; runs repeat bit for bit when the model's seed and the
/// batches repeat. A loss that becomes NaN or ∞ stops the run with a <see cref="NotFiniteNumberException"/>
/// naming the step.
/// </remarks>
public sealed class Trainer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ILanguageModel<T> _model;
    private readonly IOptimizer<T> _optimizer;

    /// <summary>Trains <paramref name="model"/> with <paramref name="optimizer"/>.</summary>
    public Trainer(ILanguageModel<T> model, IOptimizer<T> optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        (_model, _optimizer) = (model, optimizer);
    }

    /// <summary>When set, gradients are clipped to this global norm before each update.</summary>
    public double? MaxGradNorm { get; init; }

    /// <summary>Steps between two recorded points of the loss curve.</summary>
    public int EvalInterval { get; init; } = 20;

    /// <summary>Steps taken by this trainer so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>The global gradient norm before clipping at the last step (0 without clipping).</summary>
    public double LastGradNorm { get; private set; }

    /// <summary>One training step on (xs, ts); returns the loss before the update.</summary>
    /// <exception cref="NotFiniteNumberException">The loss is NaN or infinite.</exception>
    public double Step(NdArray<int> xs, NdArray<int> ts)
    {
        T loss = _model.Forward(xs, ts);
        StepCount++;
        double value = double.CreateChecked(loss);
        if (!double.IsFinite(value))
        {
            throw new NotFiniteNumberException(
                $"The loss became {value} at step {StepCount}; lower the learning rate or set MaxGradNorm.", value);
        }

        _model.Backward();
        if (MaxGradNorm is double maxNorm)
        {
            LastGradNorm = GradientClipping.ClipByGlobalNorm(_model.Grads, maxNorm);
        }

        _optimizer.Update(_model.Params, _model.Grads);
        return value;
    }

    /// <summary>Trains for <paramref name="epochs"/> passes over <paramref name="batches"/>.</summary>
    /// <param name="batches">The training batches.</param>
    /// <param name="epochs">Number of passes.</param>
    /// <param name="progress">Receives every recorded point.</param>
    /// <param name="heldOut">Evaluated after each epoch with <see cref="EvaluatePerplexity"/>.</param>
    public TrainingHistory Fit(IBatchSource batches, int epochs, IProgress<TrainingProgress>? progress = null, IBatchSource? heldOut = null)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(EvalInterval);
        var points = new List<TrainingProgress>();
        var heldOutPerplexity = new List<double>();
        var clock = Stopwatch.StartNew();
        int totalSteps = epochs * batches.BatchesPerEpoch, step = 0, count = 0;
        double lossSum = 0;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            for (int i = 0; i < batches.BatchesPerEpoch; i++)
            {
                var (xs, ts) = batches.Next();
                if (!batches.CarriesState)
                {
                    _model.ResetState();
                }

                lossSum += Step(xs, ts);
                count++;
                step++;
                bool lastOfEpoch = i == batches.BatchesPerEpoch - 1;
                if (step % EvalInterval != 0 && !lastOfEpoch)
                {
                    continue;
                }

                double? heldOutValue = null;
                if (lastOfEpoch && heldOut is not null)
                {
                    heldOutValue = EvaluatePerplexity(_model, heldOut);
                    heldOutPerplexity.Add(heldOutValue.Value);
                }

                double loss = lossSum / count;
                var point = new TrainingProgress(epoch, step, totalSteps, loss, Math.Exp(loss), clock.Elapsed, heldOutValue);
                points.Add(point);
                progress?.Report(point);
                (lossSum, count) = (0, 0);
            }
        }

        return new TrainingHistory(points, heldOutPerplexity, clock.Elapsed);
    }

    /// <summary>
    /// exp(mean loss) of <paramref name="model"/> over one pass of <paramref name="heldOut"/>, without training.
    /// Dropout is off (evaluation mode) and the hidden state is reset before and after, as in "Deep Learning from Scratch 2".
    /// </summary>
    public static double EvaluatePerplexity(ILanguageModel<T> model, IBatchSource heldOut)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(heldOut);
        bool training = model.Training;
        model.Training = false;
        model.ResetState();
        heldOut.Reset();
        double lossSum = 0;
        for (int i = 0; i < heldOut.BatchesPerEpoch; i++)
        {
            var (xs, ts) = heldOut.Next();
            if (!heldOut.CarriesState)
            {
                model.ResetState();
            }

            lossSum += double.CreateChecked(model.Forward(xs, ts));
        }

        model.ResetState();
        model.Training = training;
        return Math.Exp(lossSum / heldOut.BatchesPerEpoch);
    }
}
