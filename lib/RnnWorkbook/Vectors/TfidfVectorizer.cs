namespace RnnWorkbook.Vectors;

/// <summary>
/// TF-IDF (단어 빈도-역문서 빈도): bag-of-words counts weighted so that a term frequent in this document but
/// rare across documents counts most. The definitions are scikit-learn's (<c>TfidfVectorizer</c>):
/// <code>
/// tf(t, d)  = count(t, d)                      or 1 + ln count(t, d) with SublinearTf
/// idf(t)    = ln((1 + n) / (1 + df(t))) + 1    with SmoothIdf (default)
///           = ln(n / df(t)) + 1                without
/// x(t, d)   = tf(t, d) · idf(t), then each row divided by its L2 (or L1) norm
/// </code>
/// where n is the number of training documents and df(t) the number containing t.
/// </summary>
public sealed class TfidfVectorizer
{
    private double[]? _idf;

    /// <summary>Creates an unfitted vectorizer.</summary>
    /// <param name="counting">How documents become terms and counts.</param>
    /// <param name="weighting">How counts are weighted and rows scaled.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public TfidfVectorizer(CountVectorizerOptions? counting = null, TfidfOptions? weighting = null)
    {
        Counts = new CountVectorizer(counting);
        Weighting = weighting ?? new TfidfOptions();
    }

    /// <summary>The bag-of-words vectorizer underneath (its vocabulary is this one's).</summary>
    public CountVectorizer Counts { get; }

    /// <summary>The weighting options.</summary>
    public TfidfOptions Weighting { get; }

    /// <summary>Whether <see cref="Fit"/> has run.</summary>
    public bool IsFitted => _idf is not null;

    /// <summary>The idf of each column (all 1 when <see cref="TfidfOptions.UseIdf"/> is off).</summary>
    public IReadOnlyList<double> Idf => _idf ?? throw NotFitted();

    /// <summary>The term of each column.</summary>
    public IReadOnlyList<string> FeatureNames => Counts.FeatureNames;

    #region Formulas
    /// <summary>The term frequency: the count itself, or 1 + ln(count) when sublinear (0 stays 0).</summary>
    public static double TermFrequency(double count, bool sublinear) =>
        sublinear && count > 0 ? 1 + Math.Log(count) : count;

    /// <summary>The inverse document frequency of a term found in <paramref name="df"/> of <paramref name="documents"/> documents.</summary>
    public static double InverseDocumentFrequency(int documents, int df, bool smooth) =>
        smooth ? Math.Log((1.0 + documents) / (1.0 + df)) + 1 : Math.Log((double)documents / df) + 1;
    #endregion

    /// <summary>Learns the vocabulary and the idf of each term.</summary>
    /// <exception cref="ArgumentException">No term is left after <c>min_df</c>/<c>max_df</c>.</exception>
    public TfidfVectorizer Fit(IReadOnlyList<string> documents)
    {
        Counts.Fit(documents);
        LearnIdf();
        return this;
    }

    /// <summary>Learns the vocabulary and idf, and returns the weighted matrix of the same documents.</summary>
    /// <inheritdoc cref="Fit" path="/exception"/>
    public CsrMatrix FitTransform(IReadOnlyList<string> documents)
    {
        var counts = Counts.FitTransform(documents);
        LearnIdf();
        return Weigh(counts);
    }

    /// <summary>The TF-IDF matrix of <paramref name="documents"/>; unknown terms are ignored.</summary>
    /// <exception cref="InvalidOperationException">The vectorizer is not fitted.</exception>
    public CsrMatrix Transform(IReadOnlyList<string> documents) => Transform(documents, out _);

    /// <summary>The TF-IDF matrix, and what the transform ignored.</summary>
    /// <inheritdoc cref="Transform(IReadOnlyList{string})" path="/exception"/>
    public CsrMatrix Transform(IReadOnlyList<string> documents, out TransformStats stats)
    {
        if (_idf is null)
            throw NotFitted();
        return Weigh(Counts.Transform(documents, out stats));
    }

    #region Weigh
    /// <summary>Weights a count matrix over this vocabulary: tf · idf, then the row norm. An all-zero row stays zero.</summary>
    public CsrMatrix Weigh(CsrMatrix counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var idf = _idf ?? throw NotFitted();
        if (counts.Columns != idf.Length)
            throw new ArgumentException($"counts: expected {idf.Length} columns (the vocabulary), got {counts.Columns}.", nameof(counts));

        var values = counts.Values.ToArray();
        var columns = counts.ColumnIndices;
        var pointers = counts.RowPointers;
        for (var r = 0; r < counts.Rows; r++)
        {
            var row = values.AsSpan(pointers[r], pointers[r + 1] - pointers[r]);
            var cols = columns.Slice(pointers[r], row.Length);
            for (var k = 0; k < row.Length; k++)
                row[k] = TermFrequency(row[k], Weighting.SublinearTf) * idf[cols[k]];

            var norm = Weighting.Norm switch
            {
                TfidfNorm.L2 => Math.Sqrt(SumOfSquares(row)),
                TfidfNorm.L1 => SumOfAbsolutes(row),
                _ => 1.0,
            };
            if (norm > 0 && norm != 1.0)
            {
                for (var k = 0; k < row.Length; k++)
                    row[k] /= norm;
            }
        }

        return new CsrMatrix(counts.Rows, counts.Columns, pointers.ToArray(), columns.ToArray(), values);
    }
    #endregion

    /// <summary>Saves options, vocabulary and idf (JSON, temporary file then move).</summary>
    /// <exception cref="NotSupportedException">The options hold a custom tokenizer.</exception>
    public void Save(string path) => VectorizerFile.Save(path, Counts, this);

    /// <summary>Loads a vectorizer saved by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a saved TF-IDF vectorizer.</exception>
    public static TfidfVectorizer Load(string path) => VectorizerFile.LoadTfidf(path);

    internal void RestoreIdf(double[] idf) => _idf = idf;

    private void LearnIdf()
    {
        var df = Counts.DocumentFrequencies;
        var n = Counts.TrainingDocuments;
        _idf = new double[df.Count];
        for (var t = 0; t < df.Count; t++)
            _idf[t] = Weighting.UseIdf ? InverseDocumentFrequency(n, df[t], Weighting.SmoothIdf) : 1.0;
    }

    private static double SumOfSquares(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var v in values)
            sum += v * v;
        return sum;
    }

    private static double SumOfAbsolutes(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var v in values)
            sum += Math.Abs(v);
        return sum;
    }

    private static InvalidOperationException NotFitted() =>
        new("The vectorizer is not fitted: call Fit (or FitTransform) on training documents before Transform.");
}
