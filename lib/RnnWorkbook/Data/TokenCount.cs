namespace RnnWorkbook.Data;

/// <summary>A token and how many times it occurs in a corpus.</summary>
/// <param name="Token">The token.</param>
/// <param name="Count">Its number of occurrences.</param>
public sealed record TokenCount(string Token, int Count);
