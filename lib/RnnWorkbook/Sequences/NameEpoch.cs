namespace RnnWorkbook.Sequences;

/// <summary>One epoch of <see cref="NameGeneration.Fit"/>.</summary>
/// <param name="Epoch">1, 2, …</param>
/// <param name="TrainLoss">Mean cross-entropy per character over the epoch's batches (nats).</param>
/// <param name="ValidationNll">Validation negative log-likelihood per character, &lt;eos&gt; included (nats).</param>
/// <param name="Seconds">Wall time of the epoch.</param>
public sealed record NameEpoch(int Epoch, double TrainLoss, double ValidationNll, double Seconds);
