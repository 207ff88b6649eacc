namespace RnnWorkbook.Scratch;

/// <summary>What <see cref="ValidatedTraining.Fit"/> recorded.</summary>
/// <param name="Points">The training curve, with steps counted across epochs.</param>
/// <param name="ValidationPerplexity">Validation perplexity after each epoch trained.</param>
/// <param name="BestEpoch">The epoch with the lowest validation perplexity, from 1: the weights the model holds now.</param>
/// <param name="BestValidationPerplexity">Its validation perplexity.</param>
/// <param name="Elapsed">Wall-clock time, validation included.</param>
public sealed record ValidatedHistory(
    IReadOnlyList<TrainingProgress> Points, IReadOnlyList<double> ValidationPerplexity, int BestEpoch,
    double BestValidationPerplexity, TimeSpan Elapsed)
{
    /// <summary>The number of epochs trained (the best one plus the ones that did not improve on it).</summary>
    public int EpochsTrained => ValidationPerplexity.Count;
}
