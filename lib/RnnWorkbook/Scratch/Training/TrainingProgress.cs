using System.Globalization;

namespace RnnWorkbook.Scratch;

/// <summary>One point of a training run: the mean training loss since the previous point, and its perplexity.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Step">Steps done so far, from 1, counted across epochs.</param>
/// <param name="TotalSteps">Steps the run will take.</param>
/// <param name="Loss">Mean cross-entropy (nats per token) over the steps since the previous point.</param>
/// <param name="Perplexity">exp(<paramref name="Loss"/>).</param>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="HeldOutPerplexity">Perplexity on held-out data, at the last point of an epoch when one was given.</param>
public sealed record TrainingProgress(
    int Epoch, int Step, int TotalSteps, double Loss, double Perplexity, TimeSpan Elapsed, double? HeldOutPerplexity = null)
{
    /// <summary>One line, e.g. "epoch 1 | step 120/918 | loss 5.2341 | ppl 187.57 | 0:12".</summary>
    public override string ToString()
    {
        string heldOut = HeldOutPerplexity is double p ? string.Create(CultureInfo.InvariantCulture, $" | held-out ppl {p:F2}") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"epoch {Epoch} | step {Step}/{TotalSteps} | loss {Loss:F4} | ppl {Perplexity:F2}{heldOut} | {Elapsed:m\\:ss}");
    }
}
