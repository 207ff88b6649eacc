namespace RnnWorkbook.Data;

/// <summary>A pair of words with the mean score human judges gave it (0 to 10), as in WordSim353 and SimLex-999.</summary>
/// <param name="First">The first word.</param>
/// <param name="Second">The second word.</param>
/// <param name="Score">The mean human score: relatedness for WordSim353, similarity for SimLex-999.</param>
public sealed record WordPair(string First, string Second, double Score);
