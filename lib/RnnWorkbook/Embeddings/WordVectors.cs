using System.Collections.ObjectModel;
using System.Numerics.Tensors;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Embeddings;

/// <summary>
/// Words and their vectors, one row each, in the order given (trained vocabularies put the most frequent
/// word first): the result of every method of the chapter, and what the word2vec files hold.
/// </summary>
public sealed class WordVectors
{
    private readonly string[] _words;
    private readonly Dictionary<string, int> _ids;
    private float[]? _unit;

    /// <summary>Wraps <paramref name="data"/> (Count × Dimension, row-major; not copied).</summary>
    /// <exception cref="ArgumentException">The sizes disagree or a word is empty, contains white space or repeats.</exception>
    public WordVectors(IReadOnlyList<string> words, float[] data, int dimension)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (data.Length != (long)words.Count * dimension)
        {
            throw new ArgumentException($"data: {words.Count} words × {dimension} dimensions need {(long)words.Count * dimension} values, got {data.Length}.", nameof(data));
        }

        _words = [.. words];
        _ids = new Dictionary<string, int>(_words.Length, StringComparer.Ordinal);
        for (int i = 0; i < _words.Length; i++)
        {
            string word = _words[i];
            if (string.IsNullOrEmpty(word) || word.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"words: word {i} ('{word}') is empty or contains white space, which the word2vec formats cannot hold.", nameof(words));
            }

            if (!_ids.TryAdd(word, i))
            {
                throw new ArgumentException($"words: '{word}' appears twice (rows {_ids[word]} and {i}).", nameof(words));
            }
        }

        (Data, Dimension) = (data, dimension);
    }

    /// <summary>The words by row.</summary>
    public IReadOnlyList<string> Words => new ReadOnlyCollection<string>(_words);

    /// <summary>The vectors, row-major.</summary>
    public float[] Data { get; }

    /// <summary>The length of each vector.</summary>
    public int Dimension { get; }

    /// <summary>The number of words.</summary>
    public int Count => _words.Length;

    /// <summary>The row of <paramref name="word"/>, or −1.</summary>
    public int IdOf(string word) => _ids.GetValueOrDefault(word, -1);

    /// <summary>True when <paramref name="word"/> has a vector.</summary>
    public bool Contains(string word) => _ids.ContainsKey(word);

    /// <summary>The vector of <paramref name="word"/>.</summary>
    /// <exception cref="KeyNotFoundException">The word has no vector.</exception>
    public ReadOnlySpan<float> this[string word] => Row(RequireId(word));

    /// <summary>The vector in row <paramref name="id"/>.</summary>
    public ReadOnlySpan<float> Row(int id) => Data.AsSpan(id * Dimension, Dimension);

    /// <summary>The vectors as an (N, D) array, e.g. for a plot or the TorchSharp embedding.</summary>
    public NdArray<float> ToArray() => new((float[])Data.Clone(), Count, Dimension);

    /// <summary>cos(a, b) = a·b / (‖a‖ ‖b‖).</summary>
    public double Similarity(string first, string second) => Cosine(this[first], this[second]);

    /// <summary>cos(a, b), 0 when either vector is zero.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double norms = Math.Sqrt(TensorPrimitives.Dot(a, a)) * Math.Sqrt(TensorPrimitives.Dot(b, b));
        return norms == 0 ? 0 : TensorPrimitives.Dot(a, b) / norms;
    }

    /// <summary>The <paramref name="count"/> words nearest to <paramref name="word"/> by cosine, itself left out.</summary>
    public IReadOnlyList<WordNeighbour> MostSimilar(string word, int count = 10, int? restrictTo = null) =>
        MostSimilar(this[word], count, [word], restrictTo);

    #region Analogy
    /// <summary>
    /// "a is to b as c is to ?" by 3CosAdd (Mikolov et al. 2013): the words nearest to b̂ − â + ĉ (unit vectors),
    /// leaving out a, b and c. "king − man + woman" is <c>Analogy("man", "king", "woman")</c>.
    /// </summary>
    public IReadOnlyList<WordNeighbour> Analogy(string a, string b, string c, int count = 5, int? restrictTo = null)
    {
        var query = new float[Dimension];
        var unit = UnitRows();
        TensorPrimitives.Subtract(unit.AsSpan(RequireId(b) * Dimension, Dimension), unit.AsSpan(RequireId(a) * Dimension, Dimension), query);
        TensorPrimitives.Add(query, unit.AsSpan(RequireId(c) * Dimension, Dimension), query);
        return MostSimilar(query, count, [a, b, c], restrictTo);
    }
    #endregion

    /// <summary>The words nearest to <paramref name="vector"/> among the first <paramref name="restrictTo"/> rows, leaving out <paramref name="exclude"/>.</summary>
    public IReadOnlyList<WordNeighbour> MostSimilar(ReadOnlySpan<float> vector, int count, IReadOnlyCollection<string> exclude, int? restrictTo = null)
    {
        ArgumentNullException.ThrowIfNull(exclude);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (vector.Length != Dimension)
        {
            throw new ArgumentException($"vector: expected {Dimension} values, got {vector.Length}.", nameof(vector));
        }

        var unit = UnitRows();
        int rows = Math.Min(Count, restrictTo ?? Count);
        double norm = Math.Sqrt(TensorPrimitives.Dot(vector, vector));
        var best = new PriorityQueue<int, double>();
        for (int i = 0; i < rows; i++)
        {
            double cosine = norm == 0 ? 0 : TensorPrimitives.Dot(vector, unit.AsSpan(i * Dimension, Dimension)) / norm;
            if (best.Count < count + exclude.Count)
            {
                best.Enqueue(i, cosine);
            }
            else if (best.TryPeek(out _, out double worst) && cosine > worst)
            {
                best.EnqueueDequeue(i, cosine);
            }
        }

        var found = new List<WordNeighbour>();
        while (best.TryDequeue(out int id, out double cosine))
        {
            found.Add(new WordNeighbour(_words[id], cosine));
        }

        found.Reverse();
        return [.. found.Where(n => !exclude.Contains(n.Word)).Take(count)];
    }

    /// <summary>The rows scaled to length 1 (zero rows stay zero), computed once.</summary>
    internal float[] UnitRows()
    {
        if (_unit is not null)
        {
            return _unit;
        }

        var unit = (float[])Data.Clone();
        for (int i = 0; i < Count; i++)
        {
            Span<float> row = unit.AsSpan(i * Dimension, Dimension);
            float norm = TensorPrimitives.Norm(row);
            if (norm > 0)
            {
                TensorPrimitives.Divide(row, norm, row);
            }
        }

        return _unit = unit;
    }

    private int RequireId(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _ids.TryGetValue(word, out int id) ? id : throw new KeyNotFoundException($"'{word}' has no vector (not in the {Count:N0} words).");
    }
}
