namespace RnnWorkbook.Sequences;

/// <summary>
/// The baseline every tagger is measured against: each token gets the tag it had most often in training
/// (ties: the tag more frequent overall), and a token never seen in training the most frequent tag overall.
/// </summary>
public sealed class MostFrequentTagBaseline
{
    private readonly Dictionary<string, string> _best;

    private MostFrequentTagBaseline(Dictionary<string, string> best, string overall) => (_best, OverallTag) = (best, overall);

    /// <summary>The most frequent tag of the training tokens, given to unseen tokens.</summary>
    public string OverallTag { get; }

    /// <summary>Counts tags per token form in the training sentences.</summary>
    /// <exception cref="ArgumentException">There are no training tokens.</exception>
    public static MostFrequentTagBaseline Fit(IEnumerable<TaggedSentence> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var overall = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in train)
        {
            for (int t = 0; t < sentence.Length; t++)
            {
                if (!counts.TryGetValue(sentence.Tokens[t], out var tags))
                {
                    counts[sentence.Tokens[t]] = tags = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                tags[sentence.Tags[t]] = tags.GetValueOrDefault(sentence.Tags[t]) + 1;
                overall[sentence.Tags[t]] = overall.GetValueOrDefault(sentence.Tags[t]) + 1;
            }
        }

        if (overall.Count == 0)
        {
            throw new ArgumentException("train: there are no tokens to count.", nameof(train));
        }

        string Best(Dictionary<string, int> tags) => tags
            .OrderByDescending(p => p.Value).ThenByDescending(p => overall[p.Key]).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
        return new MostFrequentTagBaseline(counts.ToDictionary(p => p.Key, p => Best(p.Value), StringComparer.Ordinal), Best(overall));
    }

    /// <summary>True when the token occurred in training.</summary>
    public bool Knows(string token) => _best.ContainsKey(token);

    /// <summary>The tag of each token.</summary>
    public string[] Tag(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return [.. tokens.Select(t => _best.GetValueOrDefault(t, OverallTag))];
    }
}
