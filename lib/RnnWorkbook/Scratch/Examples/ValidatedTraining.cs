using System.Diagnostics;
using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// The protocol every trained language model of the workbook follows: train one epoch at a time, measure
/// perplexity on the validation text after each, keep the weights of the best epoch, stop when validation
/// has not improved for <c>patience</c> epochs, and hand back the model with the best epoch's weights.
/// The test text is not seen here: the caller measures it once, on the model this returns.
/// </summary>
public static class ValidatedTraining
{
    /// <summary>Trains <paramref name="model"/> with early stopping on <paramref name="validationPerplexity"/>.</summary>
    /// <param name="model">The model; on return it holds the weights of <see cref="ValidatedHistory.BestEpoch"/>.</param>
    /// <param name="trainer">Steps the model (its optimizer, clipping and interval).</param>
    /// <param name="training">The training batches.</param>
    /// <param name="validationPerplexity">Measures the current model on the validation text.</param>
    /// <param name="maxEpochs">At most this many epochs.</param>
    /// <param name="patience">Stop after this many epochs in a row without a better validation perplexity.</param>
    /// <param name="progress">Receives the training curve; the last point of an epoch carries its validation perplexity.</param>
    public static ValidatedHistory Fit<T>(
        ILanguageModel<T> model, Trainer<T> trainer, IBatchSource training, Func<double> validationPerplexity,
        int maxEpochs, int patience = 1, IProgress<TrainingProgress>? progress = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validationPerplexity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEpochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patience);

        var clock = Stopwatch.StartNew();
        var points = new List<TrainingProgress>();
        var validation = new List<double>();
        NdArray<T>[] best = [.. model.Params.Select(p => p.Clone())];
        int bestEpoch = 0, totalSteps = maxEpochs * training.BatchesPerEpoch;
        double bestPerplexity = double.PositiveInfinity;
        for (int epoch = 1; epoch <= maxEpochs; epoch++)
        {
            int offset = (epoch - 1) * training.BatchesPerEpoch;
            var epochPoints = trainer.Fit(training, epochs: 1).Points;
            double perplexity = validationPerplexity();
            validation.Add(perplexity);
            for (int i = 0; i < epochPoints.Count; i++)
            {
                var point = epochPoints[i] with
                {
                    Epoch = epoch, Step = offset + epochPoints[i].Step, TotalSteps = totalSteps, Elapsed = clock.Elapsed,
                    HeldOutPerplexity = i == epochPoints.Count - 1 ? perplexity : null,
                };
                points.Add(point);
                progress?.Report(point);
            }

            if (perplexity < bestPerplexity)
            {
                (bestPerplexity, bestEpoch) = (perplexity, epoch);
                for (int i = 0; i < best.Length; i++)
                {
                    best[i].CopyFrom(model.Params[i]);
                }
            }
            else if (epoch - bestEpoch >= patience)
            {
                break;
            }
        }

        for (int i = 0; i < best.Length; i++)
        {
            model.Params[i].CopyFrom(best[i]);
        }

        model.ResetState();
        return new ValidatedHistory(points, validation, bestEpoch, bestPerplexity, clock.Elapsed);
    }
}
