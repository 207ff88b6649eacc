namespace RnnWorkbook.Scratch;

/// <summary>What a training run recorded: the loss curve, held-out perplexity per epoch and the time taken.</summary>
/// <param name="Points">One point per evaluation interval and at the end of each epoch.</param>
/// <param name="HeldOutPerplexity">Perplexity on the held-out data after each epoch (empty when none was given).</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
public sealed record TrainingHistory(
    IReadOnlyList<TrainingProgress> Points, IReadOnlyList<double> HeldOutPerplexity, TimeSpan Elapsed);
