using RnnWorkbook.Data;

namespace RnnWorkbook.Vectors;

/// <summary>Dense word vectors (단어 벡터), one row per word, compared by cosine.</summary>
public sealed class WordVectors
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly double[] _unit; // rows scaled to length 1 (all-zero rows stay zero)

    /// <summary>Creates vectors from a row-major (words, dimension) matrix.</summary>
    public WordVectors(IReadOnlyList<string> words, double[] vectors, int dimension)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (vectors.Length != words.Count * dimension)
            throw new ArgumentException($"vectors: expected ({words.Count}, {dimension}) = {words.Count * dimension} values, got {vectors.Length}.", nameof(vectors));
        Words = words.ToArray();
        for (var i = 0; i < Words.Count; i++)
        {
            if (!_index.TryAdd(Words[i], i))
                throw new ArgumentException($"words: '{Words[i]}' is listed twice.", nameof(words));
        }

        Dimension = dimension;
        Vectors = vectors;
        _unit = (double[])vectors.Clone();
        for (var i = 0; i < Words.Count; i++)
        {
            var row = _unit.AsSpan(i * dimension, dimension);
            double norm = 0;
            foreach (var x in row)
                norm += x * x;
            norm = Math.Sqrt(norm);
            if (norm > 0)
            {
                for (var k = 0; k < dimension; k++)
                    row[k] /= norm;
            }
        }
    }

    /// <summary>
    /// Word vectors from a truncated SVD of a word-context matrix: row i of U Σ^p. p = 1 is the plain
    /// projection, p = 0 drops the singular values and p = 0.5 is between (Levy, Goldberg and Dagan 2015
    /// find p ≤ 0.5 works better for similarity).
    /// </summary>
    public static WordVectors FromSvd(IReadOnlyList<string> words, TruncatedSvd svd, double eigenvalueWeight = 0.5)
    {
        ArgumentNullException.ThrowIfNull(svd);
        var k = svd.Rank;
        var vectors = new double[words.Count * k];
        for (var i = 0; i < words.Count; i++)
        {
            for (var j = 0; j < k; j++)
                vectors[(i * k) + j] = svd.U[(i * k) + j] * Math.Pow(svd.SingularValues[j], eigenvalueWeight);
        }

        return new WordVectors(words, vectors, k);
    }

    /// <summary>The words, in row order.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The vector length.</summary>
    public int Dimension { get; }

    /// <summary>The row-major (words, dimension) matrix.</summary>
    public double[] Vectors { get; }

    /// <summary>Whether <paramref name="word"/> has a vector.</summary>
    public bool Contains(string word) => _index.ContainsKey(word);

    /// <summary>The vector of <paramref name="word"/>.</summary>
    /// <exception cref="KeyNotFoundException">The word has no vector.</exception>
    public ReadOnlySpan<double> this[string word] => Vectors.AsSpan(Row(word) * Dimension, Dimension);

    /// <summary>The cosine of two words' vectors.</summary>
    public double Similarity(string a, string b) => Dot(Row(a), Row(b));

    /// <summary>The <paramref name="count"/> words closest to <paramref name="word"/> by cosine, itself left out.</summary>
    public IReadOnlyList<(string Word, double Similarity)> MostSimilar(string word, int count = 5)
    {
        var row = Row(word);
        return Enumerable.Range(0, Words.Count).Where(i => i != row).Select(i => (Words[i], Dot(row, i)))
            .OrderByDescending(p => p.Item2).Take(count).ToArray();
    }

    /// <summary>Spearman's correlation between cosines and human scores, over the pairs both of whose words have vectors.</summary>
    /// <param name="pairs">A word-pair set such as WordSim353.</param>
    /// <param name="normalize">Applied to each word of a pair before lookup (e.g. lowercasing); null leaves them as they are.</param>
    public SimilarityEvaluation Evaluate(IReadOnlyList<WordPair> pairs, Func<string, string>? normalize = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        normalize ??= w => w;
        var human = new List<double>();
        var model = new List<double>();
        foreach (var pair in pairs)
        {
            string a = normalize(pair.First), b = normalize(pair.Second);
            if (!Contains(a) || !Contains(b))
                continue;
            human.Add(pair.Score);
            model.Add(Similarity(a, b));
        }

        return new SimilarityEvaluation(human.Count >= 2 ? Metrics.Spearman(human, model) : double.NaN, pairs.Count, human.Count);
    }

    private int Row(string word) => _index.TryGetValue(word, out var row)
        ? row
        : throw new KeyNotFoundException($"'{word}' has no vector (it is not among the {Words.Count:N0} words).");

    private double Dot(int a, int b)
    {
        var x = _unit.AsSpan(a * Dimension, Dimension);
        var y = _unit.AsSpan(b * Dimension, Dimension);
        double sum = 0;
        for (var k = 0; k < Dimension; k++)
            sum += x[k] * y[k];
        return sum;
    }
}
