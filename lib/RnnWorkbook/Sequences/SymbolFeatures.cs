using RnnWorkbook.Text;

namespace RnnWorkbook.Sequences;

/// <summary>One feature per token: its id in a vocabulary built on the training sentences (characters of a Korean line).</summary>
public sealed class SymbolFeatures : ITokenFeatures
{
    private SymbolFeatures(Vocabulary symbols) => Symbols = symbols;

    /// <summary>The tokens with their own id; the rest are &lt;unk&gt;.</summary>
    public Vocabulary Symbols { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Names { get; } = ["symbol"];

    /// <inheritdoc/>
    public IReadOnlyList<int> Sizes => [Symbols.Count];

    /// <summary>Builds the table from the training sentences only.</summary>
    /// <param name="train">The training sentences.</param>
    /// <param name="minCount">The fewest occurrences a token needs for its own id.</param>
    public static SymbolFeatures Build(IEnumerable<TaggedSentence> train, int minCount = 2)
    {
        ArgumentNullException.ThrowIfNull(train);
        return new SymbolFeatures(Vocabulary.Build(train.SelectMany(s => s.Tokens), minCount));
    }

    /// <inheritdoc/>
    public void Encode(string token, Span<int> features)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (features.Length != 1)
        {
            throw new ArgumentException($"features: expected room for 1 id, got {features.Length}.", nameof(features));
        }

        features[0] = Symbols.IdOf(token);
    }

    /// <inheritdoc/>
    public bool IsKnown(string token) => Symbols.Contains(token);
}
