namespace RnnWorkbook.Embeddings;

/// <summary>
/// Draws negative words from the unigram distribution raised to a power (0.75 in word2vec), which lifts rare
/// words a little: P(w) = count(w)^0.75 / Σ_v count(v)^0.75 (the book's <c>UnigramSampler</c>, §4.2.6).
/// </summary>
/// <remarks>
/// Sampling inverts the cumulative distribution with a binary search. A negative equal to its row's target is
/// drawn again, so a word is never its own negative.
/// </remarks>
public sealed class UnigramSampler
{
    private readonly double[] _cumulative;
    private readonly Random _random;

    /// <summary>Builds the distribution from word counts (index = word id).</summary>
    /// <exception cref="ArgumentException">Fewer than two words have a positive count.</exception>
    public UnigramSampler(IReadOnlyList<long> counts, double power = 0.75, int sampleSize = 5, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfNegative(power);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSize, 1);
        if (counts.Count(c => c > 0) < 2)
        {
            throw new ArgumentException("counts: negative sampling needs at least two words with a positive count.", nameof(counts));
        }

        Probabilities = [.. counts.Select(c => c > 0 ? Math.Pow(c, power) : 0)];
        double total = Probabilities.Sum();
        _cumulative = new double[counts.Count];
        double running = 0;
        for (int i = 0; i < counts.Count; i++)
        {
            Probabilities[i] /= total;
            running += Probabilities[i];
            _cumulative[i] = running;
        }

        SampleSize = sampleSize;
        _random = new Random(seed);
    }

    /// <summary>P(w) for each word id.</summary>
    public double[] Probabilities { get; }

    /// <summary>Negatives per target.</summary>
    public int SampleSize { get; }

    /// <summary>One word drawn from P.</summary>
    public int Next()
    {
        int i = Array.BinarySearch(_cumulative, _random.NextDouble() * _cumulative[^1]);
        i = i < 0 ? ~i : i;
        return Math.Min(i, _cumulative.Length - 1);
    }

    /// <summary>Negatives (N, SampleSize) for targets (N), none equal to its row's target.</summary>
    public int[,] NegativeSample(IReadOnlyList<int> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var negatives = new int[targets.Count, SampleSize];
        for (int n = 0; n < targets.Count; n++)
        {
            for (int k = 0; k < SampleSize; k++)
            {
                int word;
                do
                {
                    word = Next();
                }
                while (word == targets[n]);
                negatives[n, k] = word;
            }
        }

        return negatives;
    }
}
