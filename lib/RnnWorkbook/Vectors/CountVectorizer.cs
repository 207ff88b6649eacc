namespace RnnWorkbook.Vectors;

/// <summary>
/// Bag of words (단어 가방): learns a vocabulary from training documents and turns each document into a row
/// of term counts in a <see cref="CsrMatrix"/>. Follows scikit-learn's <c>CountVectorizer</c>: the same
/// options, the vocabulary sorted by code point, terms outside <c>min_df</c>..<c>max_df</c> dropped, then the
/// <c>max_features</c> most frequent kept. Words not in the vocabulary are ignored when transforming, and
/// counted (<see cref="TransformStats"/>).
/// </summary>
public sealed class CountVectorizer
{
    private readonly TermExtractor _extractor;
    private Dictionary<string, int>? _vocabulary;
    private string[] _terms = [];
    private int[] _documentFrequencies = [];

    /// <summary>Creates an unfitted vectorizer.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public CountVectorizer(CountVectorizerOptions? options = null)
    {
        Options = options ?? new CountVectorizerOptions();
        Options.Validate();
        _extractor = new TermExtractor(Options);
    }

    /// <summary>The options.</summary>
    public CountVectorizerOptions Options { get; }

    /// <summary>Whether <see cref="Fit"/> has run.</summary>
    public bool IsFitted => _vocabulary is not null;

    /// <summary>Term → column, the learned vocabulary (scikit-learn's <c>vocabulary_</c>).</summary>
    public IReadOnlyDictionary<string, int> Vocabulary => _vocabulary ?? throw NotFitted();

    /// <summary>The term of each column, in column order (<c>get_feature_names_out()</c>).</summary>
    public IReadOnlyList<string> FeatureNames => IsFitted ? _terms : throw NotFitted();

    /// <summary>In how many training documents each column's term occurs.</summary>
    public IReadOnlyList<int> DocumentFrequencies => IsFitted ? _documentFrequencies : throw NotFitted();

    /// <summary>How many documents the vocabulary was learned from.</summary>
    public int TrainingDocuments { get; private set; }

    /// <summary>How many distinct terms the training documents had before <c>min_df</c>, <c>max_df</c> and <c>max_features</c>.</summary>
    public int TermsBeforePruning { get; private set; }

    /// <summary>The terms a document is made of, in order, before counting (scikit-learn's <c>build_analyzer()</c>).</summary>
    public IReadOnlyList<string> Analyze(string document) => _extractor.Terms(document);

    /// <summary>Learns the vocabulary from <paramref name="documents"/>.</summary>
    /// <exception cref="ArgumentException">No term is left after <c>min_df</c>/<c>max_df</c>; the message names them.</exception>
    public CountVectorizer Fit(IReadOnlyList<string> documents)
    {
        FitCore(documents, keepRows: false);
        return this;
    }

    /// <summary>Learns the vocabulary and returns the count matrix of the same documents (one pass).</summary>
    /// <inheritdoc cref="Fit" path="/exception"/>
    public CsrMatrix FitTransform(IReadOnlyList<string> documents) => FitCore(documents, keepRows: true)!;

    /// <summary>The count matrix of <paramref name="documents"/> over the fitted vocabulary.</summary>
    /// <exception cref="InvalidOperationException">The vectorizer is not fitted.</exception>
    public CsrMatrix Transform(IReadOnlyList<string> documents) => Transform(documents, out _);

    /// <summary>The count matrix, and what the transform ignored.</summary>
    /// <inheritdoc cref="Transform(IReadOnlyList{string})" path="/exception"/>
    public CsrMatrix Transform(IReadOnlyList<string> documents, out TransformStats stats)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var vocabulary = _vocabulary ?? throw NotFitted();
        var counter = new RowCounter(vocabulary, _terms.Length);
        var builder = new CsrBuilder(documents.Count, _terms.Length);
        var empty = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            _extractor.Extract(documents[d] ?? throw new ArgumentException($"documents[{d}] is null.", nameof(documents)), counter);
            empty += counter.Touched.Count == 0 ? 1 : 0;
            counter.EmitSorted(builder, Options.Binary);
        }

        stats = new TransformStats(documents.Count, counter.Terms, counter.Unknown, empty);
        return builder.Build();
    }

    /// <summary>Saves the options and vocabulary (JSON, written to a temporary file and moved into place).</summary>
    /// <exception cref="NotSupportedException">The options hold a custom <see cref="CountVectorizerOptions.Tokenizer"/>.</exception>
    public void Save(string path) => VectorizerFile.Save(path, this, tfidf: null);

    /// <summary>Loads a vectorizer saved by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a saved count vectorizer; the message says what is wrong.</exception>
    public static CountVectorizer Load(string path) => VectorizerFile.LoadCount(path);

    internal void Restore(IReadOnlyList<string> terms, IReadOnlyList<int> documentFrequencies, int trainingDocuments, int termsBeforePruning)
    {
        _terms = terms.ToArray();
        _documentFrequencies = documentFrequencies.ToArray();
        _vocabulary = new Dictionary<string, int>(_terms.Length, StringComparer.Ordinal);
        for (var i = 0; i < _terms.Length; i++)
            _vocabulary.Add(_terms[i], i);
        TrainingDocuments = trainingDocuments;
        TermsBeforePruning = termsBeforePruning;
    }

    #region Fit
    private CsrMatrix? FitCore(IReadOnlyList<string> documents, bool keepRows)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
            throw new ArgumentException("documents is empty: there is nothing to learn a vocabulary from.", nameof(documents));

        // 1. Count every term: in how many documents it occurs (df) and how often overall.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var counter = new RowCounter(seen, capacity: 1 << 14, growing: true);
        var rows = keepRows ? new CsrBuilder(documents.Count, int.MaxValue) : null;
        var df = new List<int>();
        var total = new List<long>();
        for (var d = 0; d < documents.Count; d++)
        {
            _extractor.Extract(documents[d] ?? throw new ArgumentException($"documents[{d}] is null.", nameof(documents)), counter);
            while (df.Count < seen.Count)
            {
                df.Add(0);
                total.Add(0);
            }

            foreach (var id in counter.Touched)
            {
                df[id]++;
                total[id] += Options.Binary ? 1 : counter.Count(id); // scikit-learn ranks max_features on the (binary) counts
            }

            if (rows is null)
                counter.Reset();
            else
                counter.EmitUnsorted(rows);
        }

        // 2. Keep the terms with min_df <= df <= max_df, then the max_features most frequent of those.
        var n = documents.Count;
        double minDocs = Options.MinDf.Resolve(n), maxDocs = Options.MaxDf.Resolve(n);
        if (maxDocs < minDocs)
            throw new ArgumentException(
                $"MaxDf (max_df = {Options.MaxDf}, {maxDocs:0.##} documents) is below MinDf (min_df = {Options.MinDf}, {minDocs:0.##} documents) for {n:N0} documents.",
                nameof(documents));
        var byTerm = seen.Keys.ToArray();
        var kept = Enumerable.Range(0, byTerm.Length).Where(id => df[id] >= minDocs && df[id] <= maxDocs).ToList();
        if (kept.Count == 0)
            throw new ArgumentException(
                $"No term is left after pruning: {byTerm.Length:N0} terms occur in {n:N0} documents, but none in at least " +
                $"MinDf = {Options.MinDf} ({minDocs:0.##}) and at most MaxDf = {Options.MaxDf} ({maxDocs:0.##}) documents. Lower MinDf or raise MaxDf.",
                nameof(documents));
        if (Options.MaxFeatures is { } limit && kept.Count > limit)
        {
            kept.Sort((a, b) => CodePointComparer.Instance.Compare(byTerm[a], byTerm[b]));
            kept = kept.OrderByDescending(id => total[id]).Take(limit).ToList(); // stable: ties stay alphabetical
        }

        // 3. Columns in code-point order of the terms.
        kept.Sort((a, b) => CodePointComparer.Instance.Compare(byTerm[a], byTerm[b]));
        var column = new int[byTerm.Length];
        Array.Fill(column, -1);
        for (var c = 0; c < kept.Count; c++)
            column[kept[c]] = c;
        Restore(kept.Select(id => byTerm[id]).ToArray(), kept.Select(id => df[id]).ToArray(), n, byTerm.Length);
        return rows?.BuildRemapped(column, kept.Count, Options.Binary);
    }
    #endregion

    private static InvalidOperationException NotFitted() =>
        new("The vectorizer is not fitted: call Fit (or FitTransform) on training documents before Transform.");
}
