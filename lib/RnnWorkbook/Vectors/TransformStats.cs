namespace RnnWorkbook.Vectors;

/// <summary>What a transform saw: how many terms it counted and how many it ignored as unknown.</summary>
/// <param name="Documents">The documents transformed.</param>
/// <param name="Terms">The terms (tokens or n-grams) extracted from them.</param>
/// <param name="UnknownTerms">The terms not in the fitted vocabulary, ignored.</param>
/// <param name="EmptyRows">Documents whose row has no entry at all (an all-zero vector).</param>
public sealed record TransformStats(int Documents, long Terms, long UnknownTerms, int EmptyRows)
{
    /// <summary>The share of terms that were unknown (0 when there were none).</summary>
    public double UnknownShare => Terms == 0 ? 0 : (double)UnknownTerms / Terms;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Documents:N0} documents, {Terms:N0} terms, {UnknownTerms:N0} unknown ({UnknownShare:P1}) ignored, {EmptyRows:N0} empty rows";
}
