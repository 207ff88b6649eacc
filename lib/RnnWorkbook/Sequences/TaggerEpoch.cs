namespace RnnWorkbook.Sequences;

/// <summary>One epoch of <see cref="TaggerTraining.Fit"/>.</summary>
/// <param name="Epoch">1, 2, …</param>
/// <param name="TrainLoss">Mean cross-entropy per token over the epoch's batches (nats).</param>
/// <param name="ValidationAccuracy">Share of validation tokens tagged right after the epoch.</param>
/// <param name="Seconds">Wall time of the epoch, validation included.</param>
public sealed record TaggerEpoch(int Epoch, double TrainLoss, double ValidationAccuracy, double Seconds);
