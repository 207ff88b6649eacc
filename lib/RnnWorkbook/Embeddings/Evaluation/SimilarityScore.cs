namespace RnnWorkbook.Embeddings;

/// <summary>How well cosine similarities rank word pairs as human judges did.</summary>
/// <param name="Name">The benchmark, e.g. "WordSim353".</param>
/// <param name="Spearman">Spearman's ρ between cosine and the human scores, over the pairs with both words known.</param>
/// <param name="PairsUsed">Pairs with both words in the vocabulary.</param>
/// <param name="PairsTotal">All pairs of the benchmark.</param>
public sealed record SimilarityScore(string Name, double Spearman, int PairsUsed, int PairsTotal)
{
    /// <summary>The share of pairs left out because a word has no vector.</summary>
    public double OutOfVocabularyShare => PairsTotal == 0 ? 0 : 1 - (double)PairsUsed / PairsTotal;

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: Spearman {Spearman:F3} over {PairsUsed} of {PairsTotal} pairs ({OutOfVocabularyShare:P1} out of vocabulary)";
}
