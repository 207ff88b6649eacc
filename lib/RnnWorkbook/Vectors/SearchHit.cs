namespace RnnWorkbook.Vectors;

/// <summary>A document found by <see cref="TfidfSearchEngine"/>.</summary>
/// <param name="Document">The document's index in the collection.</param>
/// <param name="Score">The cosine between the query and the document (0 to 1 for TF-IDF vectors).</param>
/// <param name="MatchedTerms">The query terms the document contains, the largest contribution to the score first.</param>
public sealed record SearchHit(int Document, double Score, IReadOnlyList<string> MatchedTerms);
