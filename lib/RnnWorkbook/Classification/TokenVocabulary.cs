namespace RnnWorkbook.Classification;

/// <summary>
/// The ids a classifier reads: 0 is padding, 1 stands for a unit never seen in training, then every unit
/// (character, jamo or word) seen at least <c>minCount</c> times in the training texts, most frequent first.
/// </summary>
public sealed class TokenVocabulary
{
    /// <summary>The padding id.</summary>
    public const int PadId = 0;

    /// <summary>The id of a unit outside the vocabulary.</summary>
    public const int UnknownId = 1;

    private readonly Dictionary<string, int> _ids;
    private readonly List<string> _units;

    private TokenVocabulary(List<string> units, Func<string, IEnumerable<string>> split)
    {
        _units = units;
        _ids = units.Select((u, i) => (u, i)).ToDictionary(p => p.u, p => p.i, StringComparer.Ordinal);
        Split = split;
    }

    /// <summary>How a text is cut into units.</summary>
    public Func<string, IEnumerable<string>> Split { get; }

    /// <summary>V, padding and unknown included.</summary>
    public int Count => _units.Count;

    /// <summary>The unit of an id ("&lt;pad&gt;", "&lt;unk&gt;", then the units).</summary>
    public string this[int id] => _units[id];

    /// <summary>Builds the vocabulary from the training texts only.</summary>
    /// <param name="texts">Training texts.</param>
    /// <param name="split">Cuts a text into units, e.g. <see cref="TextUnits.Characters"/>.</param>
    /// <param name="minCount">Units seen fewer times become &lt;unk&gt;.</param>
    /// <param name="maxSize">At most this many ids (padding and unknown included).</param>
    public static TokenVocabulary Build(IEnumerable<string> texts, Func<string, IEnumerable<string>> split, int minCount = 1, int maxSize = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, 3);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var unit in split(text))
            {
                counts[unit] = counts.GetValueOrDefault(unit) + 1;
            }
        }

        var units = new List<string> { "<pad>", "<unk>" };
        units.AddRange(counts.Where(p => p.Value >= minCount)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(maxSize - 2).Select(p => p.Key));
        return new TokenVocabulary(units, split);
    }

    /// <summary>The ids of a text's units (unknown units as <see cref="UnknownId"/>).</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Split(text).Select(u => _ids.GetValueOrDefault(u, UnknownId))];
    }

    /// <summary>The ids of each text.</summary>
    /// <exception cref="ArgumentException">A text has no units (its index is named).</exception>
    public int[][] EncodeAll(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var all = new int[texts.Count][];
        for (int i = 0; i < texts.Count; i++)
        {
            all[i] = Encode(texts[i]);
            if (all[i].Length == 0)
            {
                throw new ArgumentException($"texts[{i}] (\"{texts[i]}\") has no units to read: drop empty texts first.", nameof(texts));
            }
        }

        return all;
    }
}
