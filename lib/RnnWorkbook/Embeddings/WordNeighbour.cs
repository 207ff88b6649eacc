namespace RnnWorkbook.Embeddings;

/// <summary>A word and its cosine similarity to a query.</summary>
public sealed record WordNeighbour(string Word, double Cosine)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Word} {Cosine:F3}";
}
