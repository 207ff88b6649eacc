namespace RnnWorkbook.Vectors;

/// <summary>
/// The options of <see cref="CountVectorizer"/>, named and defaulted as scikit-learn's <c>CountVectorizer</c>
/// names them, so a result can be compared with it.
/// </summary>
public sealed record CountVectorizerOptions
{
    /// <summary>scikit-learn's default token pattern: runs of two or more word characters.</summary>
    public const string DefaultTokenPattern = @"(?u)\b\w\w+\b";

    /// <summary>Lowercase the text before tokenizing (<c>lowercase=True</c>).</summary>
    public bool Lowercase { get; init; } = true;

    /// <summary>The regular expression a token matches (<c>token_pattern</c>), for <see cref="TermAnalyzer.Word"/>.</summary>
    public string TokenPattern { get; init; } = DefaultTokenPattern;

    /// <summary>Words, characters, or characters within words (<c>analyzer</c>).</summary>
    public TermAnalyzer Analyzer { get; init; } = TermAnalyzer.Word;

    /// <summary>The shortest n-gram counted (<c>ngram_range[0]</c>).</summary>
    public int MinN { get; init; } = 1;

    /// <summary>The longest n-gram counted (<c>ngram_range[1]</c>).</summary>
    public int MaxN { get; init; } = 1;

    /// <summary>Drop terms found in fewer documents than this (<c>min_df</c>).</summary>
    public DocumentFrequency MinDf { get; init; } = DocumentFrequency.Count(1);

    /// <summary>Drop terms found in more documents than this (<c>max_df</c>): very common words say little.</summary>
    public DocumentFrequency MaxDf { get; init; } = DocumentFrequency.Proportion(1.0);

    /// <summary>Keep only the most frequent terms over the training documents (<c>max_features</c>); null keeps all.</summary>
    public int? MaxFeatures { get; init; }

    /// <summary>Store 1 for every term present instead of its count (<c>binary=True</c>).</summary>
    public bool Binary { get; init; }

    /// <summary>
    /// Splits a document into tokens instead of <see cref="TokenPattern"/> (e.g. a Korean particle splitter
    /// or a BPE model); runs after lowercasing, before n-grams. A vectorizer with one cannot be saved.
    /// </summary>
    public Func<string, IEnumerable<string>>? Tokenizer { get; init; }

    /// <summary>Throws, naming the option, when a value is out of range.</summary>
    internal void Validate()
    {
        if (MinN < 1)
            throw new ArgumentOutOfRangeException(nameof(MinN), MinN, "MinN (ngram_range[0]) must be at least 1.");
        if (MaxN < MinN)
            throw new ArgumentOutOfRangeException(nameof(MaxN), MaxN, $"MaxN (ngram_range[1]) must be at least MinN = {MinN}.");
        if (MaxFeatures is < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxFeatures), MaxFeatures, "MaxFeatures (max_features) must be at least 1, or null for no limit.");
        if (string.IsNullOrEmpty(TokenPattern))
            throw new ArgumentException("TokenPattern (token_pattern) must not be empty.", nameof(TokenPattern));
        if (Tokenizer is not null && Analyzer != TermAnalyzer.Word)
            throw new ArgumentException($"Tokenizer is used only by the Word analyzer, not {Analyzer}.", nameof(Tokenizer));
        if (!MinDf.IsProportion && !MaxDf.IsProportion && MaxDf.Value < MinDf.Value)
            throw new ArgumentOutOfRangeException(nameof(MaxDf), MaxDf.Value, $"MaxDf (max_df = {MaxDf}) is below MinDf (min_df = {MinDf}).");
    }
}
