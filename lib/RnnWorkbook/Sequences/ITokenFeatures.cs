namespace RnnWorkbook.Sequences;

/// <summary>
/// Turns a token into K integer features, each looked up in its own embedding table by
/// <see cref="SequenceTagger"/> (e.g. the lowercased word, its last three letters, its shape).
/// </summary>
public interface ITokenFeatures
{
    /// <summary>The name of each feature, e.g. "word", "suffix", "shape".</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>The number of ids of each feature (its embedding table's rows).</summary>
    IReadOnlyList<int> Sizes { get; }

    /// <summary>Writes the token's K feature ids to <paramref name="features"/>.</summary>
    void Encode(string token, Span<int> features);

    /// <summary>True when the token's main feature (word, character) has its own id, not the unknown one.</summary>
    bool IsKnown(string token);
}
