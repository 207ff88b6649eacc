namespace RnnWorkbook.Sequences;

/// <summary>
/// A count-based spacer to measure the network against: between characters a and b put a space when most
/// training occurrences of the pair "ab" had one; for a pair never seen, when most occurrences of a had one
/// after it; for a character never seen, no space.
/// </summary>
public sealed class BigramSpacingBaseline
{
    private readonly Dictionary<(string, string), bool> _pairs;
    private readonly Dictionary<string, bool> _singles;

    private BigramSpacingBaseline(Dictionary<(string, string), bool> pairs, Dictionary<string, bool> singles) => (_pairs, _singles) = (pairs, singles);

    /// <summary>Counts the training lines.</summary>
    public static BigramSpacingBaseline Fit(IEnumerable<TaggedSentence> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var pairs = new Dictionary<(string, string), (int Spaces, int All)>();
        var singles = new Dictionary<string, (int Spaces, int All)>(StringComparer.Ordinal);
        foreach (var s in train)
        {
            for (int t = 0; t < s.Length - 1; t++)
            {
                int space = s.Tags[t] == KoreanSpacing.Space ? 1 : 0;
                var pair = pairs.GetValueOrDefault((s.Tokens[t], s.Tokens[t + 1]));
                pairs[(s.Tokens[t], s.Tokens[t + 1])] = (pair.Spaces + space, pair.All + 1);
                var single = singles.GetValueOrDefault(s.Tokens[t]);
                singles[s.Tokens[t]] = (single.Spaces + space, single.All + 1);
            }
        }

        return new BigramSpacingBaseline(
            pairs.ToDictionary(p => p.Key, p => 2 * p.Value.Spaces > p.Value.All),
            singles.ToDictionary(p => p.Key, p => 2 * p.Value.Spaces > p.Value.All, StringComparer.Ordinal));
    }

    /// <summary>The tag of each character ("1": a space after it).</summary>
    public string[] Tag(IReadOnlyList<string> characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        var tags = new string[characters.Count];
        for (int t = 0; t < characters.Count; t++)
        {
            bool space = t < characters.Count - 1 &&
                (_pairs.TryGetValue((characters[t], characters[t + 1]), out var pair) ? pair : _singles.GetValueOrDefault(characters[t]));
            tags[t] = space ? KoreanSpacing.Space : KoreanSpacing.NoSpace;
        }

        return tags;
    }
}
