namespace RnnWorkbook.Sequences;

/// <summary>The tags a tagger predicts, with ids 0 … n−1 in the given order.</summary>
public sealed class TagSet
{
    private readonly Dictionary<string, int> _ids;

    /// <summary>The tags in id order.</summary>
    /// <exception cref="ArgumentException">The list is empty or repeats a tag.</exception>
    public TagSet(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        Names = [.. tags];
        if (Names.Count == 0)
        {
            throw new ArgumentException("tags: at least one tag is needed.", nameof(tags));
        }

        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tag in Names)
        {
            if (!_ids.TryAdd(tag, _ids.Count))
            {
                throw new ArgumentException($"tags: '{tag}' appears twice.", nameof(tags));
            }
        }
    }

    /// <summary>The tags in id order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>n.</summary>
    public int Count => Names.Count;

    /// <summary>The id of a tag.</summary>
    /// <exception cref="ArgumentException">The tag is not in the set.</exception>
    public int IdOf(string tag) => _ids.TryGetValue(tag, out var id)
        ? id
        : throw new ArgumentException($"tag '{tag}' is not one of {string.Join(' ', Names)}.", nameof(tag));
}
