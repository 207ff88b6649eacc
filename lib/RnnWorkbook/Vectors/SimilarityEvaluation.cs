namespace RnnWorkbook.Vectors;

/// <summary>How well word vectors' cosines agree with human scores on a word-pair set.</summary>
/// <param name="Spearman">Spearman's rank correlation over the pairs whose words both have vectors.</param>
/// <param name="Pairs">The pairs in the set.</param>
/// <param name="Covered">The pairs whose two words both have vectors.</param>
public sealed record SimilarityEvaluation(double Spearman, int Pairs, int Covered)
{
    /// <summary>The share of pairs left out because a word has no vector.</summary>
    public double OutOfVocabularyShare => Pairs == 0 ? 0 : 1.0 - ((double)Covered / Pairs);

    /// <inheritdoc />
    public override string ToString() =>
        $"Spearman {Spearman:F3} on {Covered:N0} of {Pairs:N0} pairs ({OutOfVocabularyShare:P1} out of vocabulary)";
}
