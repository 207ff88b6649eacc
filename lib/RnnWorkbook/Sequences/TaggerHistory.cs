namespace RnnWorkbook.Sequences;

/// <summary>What <see cref="TaggerTraining.Fit"/> did: every epoch, and the one whose weights the model keeps.</summary>
/// <param name="Epochs">The epochs run, in order.</param>
/// <param name="BestEpoch">The epoch with the highest validation accuracy (its weights were restored).</param>
public sealed record TaggerHistory(IReadOnlyList<TaggerEpoch> Epochs, int BestEpoch)
{
    /// <summary>The validation accuracy of <see cref="BestEpoch"/>.</summary>
    public double BestValidationAccuracy => Epochs[BestEpoch - 1].ValidationAccuracy;
}
