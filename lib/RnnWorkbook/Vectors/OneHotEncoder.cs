namespace RnnWorkbook.Vectors;

/// <summary>
/// One-hot vectors (원-핫 벡터): word <c>i</c> of a vocabulary of V words is the vector of length V with a 1 at
/// position i and 0 everywhere else. Simple, and with three problems the chapter measures: the dimension is
/// the vocabulary size, all but one entry are zero, and any two different words are orthogonal (cosine 0),
/// so the vectors say nothing about which words are alike.
/// </summary>
public sealed class OneHotEncoder
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];

    /// <summary>Creates an encoder for the distinct words of <paramref name="words"/>, in first-seen order.</summary>
    public OneHotEncoder(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        foreach (var word in words)
        {
            if (_index.TryAdd(word, _words.Count))
                _words.Add(word);
        }

        if (_words.Count == 0)
            throw new ArgumentException("words is empty: a one-hot encoder needs at least one word.", nameof(words));
    }

    /// <summary>The vector length: the number of distinct words.</summary>
    public int Dimension => _words.Count;

    /// <summary>The words, in index order.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>The index of <paramref name="word"/>.</summary>
    /// <exception cref="KeyNotFoundException">The word is not in the vocabulary (one-hot has no slot for it).</exception>
    public int IndexOf(string word) => _index.TryGetValue(word, out var i)
        ? i
        : throw new KeyNotFoundException($"'{word}' is not among the {Dimension:N0} words: one-hot vectors have no slot for unseen words.");

    /// <summary>The one-hot vector of <paramref name="word"/>.</summary>
    public double[] Encode(string word)
    {
        var vector = new double[Dimension];
        vector[IndexOf(word)] = 1;
        return vector;
    }

    /// <summary>The cosine of two dense vectors; 0 when either is all zeros.</summary>
    public static double Cosine(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"b: expected length {a.Length}, got {b.Length}.", nameof(b));
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
