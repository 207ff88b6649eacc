using RnnWorkbook.Text;

namespace RnnWorkbook.Sequences;

/// <summary>
/// Three features of a word for tagging: the lowercased word (words seen fewer than <c>minWordCount</c>
/// times in training are &lt;unk&gt;), its last three letters lowercased (the suffix: "-ing", "-ly", "-ed"
/// say much about an unseen word) and its shape (lower, Capitalized, UPPER, digits, punctuation, hyphenated).
/// </summary>
public sealed class WordShapeFeatures : ITokenFeatures
{
    /// <summary>The shapes, in id order.</summary>
    public static IReadOnlyList<string> Shapes { get; } = ["lower", "Capitalized", "UPPER", "digit", "punctuation", "hyphen", "other"];

    /// <summary>Letters kept as the suffix.</summary>
    public const int SuffixLength = 3;

    private WordShapeFeatures(Vocabulary words, Vocabulary suffixes) => (Words, Suffixes) = (words, suffixes);

    /// <summary>The lowercased words with their own id.</summary>
    public Vocabulary Words { get; }

    /// <summary>The suffixes with their own id.</summary>
    public Vocabulary Suffixes { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Names { get; } = ["word", "suffix", "shape"];

    /// <inheritdoc/>
    public IReadOnlyList<int> Sizes => [Words.Count, Suffixes.Count, Shapes.Count];

    /// <summary>Builds the word and suffix tables from the training sentences only.</summary>
    /// <param name="train">The training sentences.</param>
    /// <param name="minWordCount">The fewest occurrences a lowercased word needs for its own id (2 leaves
    /// single-occurrence words to &lt;unk&gt;, so the model learns what to do with a word it has not seen).</param>
    /// <param name="minSuffixCount">The same for suffixes.</param>
    public static WordShapeFeatures Build(IEnumerable<TaggedSentence> train, int minWordCount = 2, int minSuffixCount = 2)
    {
        ArgumentNullException.ThrowIfNull(train);
        var tokens = train.SelectMany(s => s.Tokens).ToArray();
        return new WordShapeFeatures(
            Vocabulary.Build(tokens.Select(t => t.ToLowerInvariant()), minWordCount),
            Vocabulary.Build(tokens.Select(Suffix), minSuffixCount));
    }

    /// <inheritdoc/>
    public void Encode(string token, Span<int> features)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (features.Length != 3)
        {
            throw new ArgumentException($"features: expected room for 3 ids, got {features.Length}.", nameof(features));
        }

        features[0] = Words.IdOf(token.ToLowerInvariant());
        features[1] = Suffixes.IdOf(Suffix(token));
        features[2] = ShapeOf(token);
    }

    /// <inheritdoc/>
    public bool IsKnown(string token) => Words.Contains(token.ToLowerInvariant());

    /// <summary>The last <see cref="SuffixLength"/> characters, lowercased ("Running" → "ing"; "at" → "at").</summary>
    public static string Suffix(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var lower = token.ToLowerInvariant();
        return lower.Length <= SuffixLength ? lower : lower[^SuffixLength..];
    }

    /// <summary>The id in <see cref="Shapes"/> of the token's shape.</summary>
    public static int ShapeOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Any(char.IsDigit))
        {
            return 3;
        }

        if (!token.Any(char.IsLetter))
        {
            return 4;
        }

        if (token.Contains('-'))
        {
            return 5;
        }

        var letters = token.Where(char.IsLetter).ToArray();
        if (letters.All(char.IsLower))
        {
            return 0;
        }

        if (letters.Length > 1 && letters.All(char.IsUpper))
        {
            return 2;
        }

        return char.IsUpper(letters[0]) && letters.Skip(1).All(char.IsLower) ? 1 : 6;
    }
}
