namespace RnnWorkbook.Sequences;

/// <summary>Word and phoneme error rates of predicted pronunciations against every reference pronunciation of each word.</summary>
/// <param name="Words">Words scored.</param>
/// <param name="WordErrorRate">Share of words whose prediction equals none of their pronunciations.</param>
/// <param name="PhonemeErrorRate">Σ edit distance to the closest pronunciation / Σ length of that pronunciation.</param>
/// <param name="LengthLimitHits">Predictions cut at the length limit without an end token.</param>
public sealed record GraphemeScores(int Words, double WordErrorRate, double PhonemeErrorRate, int LengthLimitHits)
{
    /// <summary>Levenshtein distance: the fewest insertions, deletions and substitutions that turn a into b.</summary>
    /// <remarks>
    /// <code>
    ///   d[i, 0] = i,  d[0, j] = j,  d[i, j] = min(d[i−1, j] + 1, d[i, j−1] + 1, d[i−1, j−1] + [a_i ≠ b_j])
    /// </code>
    /// </remarks>
    public static int EditDistance<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var comparer = EqualityComparer<T>.Default;
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (int j = 0; j <= b.Count; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Count; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Count; j++)
            {
                int substitution = previous[j - 1] + (comparer.Equals(a[i - 1], b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Count];
    }

    /// <summary>Scores predictions (one per word, same order) against the words' pronunciations.</summary>
    /// <param name="words">The words with their reference pronunciations.</param>
    /// <param name="predictions">One predicted phoneme sequence per word.</param>
    /// <param name="lengthLimitHits">How many predictions hit the length limit (reported, not scored differently).</param>
    public static GraphemeScores Score(IReadOnlyList<GraphemeWord> words, IReadOnlyList<IReadOnlyList<string>> predictions, int lengthLimitHits = 0)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(predictions);
        if (words.Count != predictions.Count || words.Count == 0)
        {
            throw new ArgumentException($"predictions: expected one per word ({words.Count}, at least one), got {predictions.Count}.", nameof(predictions));
        }

        int wrong = 0;
        long edits = 0, length = 0;
        for (int n = 0; n < words.Count; n++)
        {
            var (distance, reference) = words[n].Pronunciations
                .Select(p => (Distance: EditDistance(predictions[n], p), Length: p.Count))
                .OrderBy(d => d.Distance).ThenByDescending(d => d.Length).First();
            wrong += distance == 0 ? 0 : 1;
            edits += distance;
            length += reference;
        }

        return new GraphemeScores(words.Count, (double)wrong / words.Count, (double)edits / length, lengthLimitHits);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"WER {WordErrorRate:P1}, PER {PhonemeErrorRate:P1} on {Words:N0} words ({LengthLimitHits} cut at the length limit)";
}
