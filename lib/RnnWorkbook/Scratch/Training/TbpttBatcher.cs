namespace RnnWorkbook.Scratch;

/// <summary>
/// Truncated-BPTT batches from one long corpus, as "Deep Learning from Scratch 2" makes them: the corpus is
/// read by B parallel streams starting at evenly spaced offsets, each advancing T tokens per batch, so row
/// b of one batch continues row b of the previous one and the hidden state can be carried across.
/// </summary>
/// <remarks>
/// With N = corpus length − 1 input positions, stream b starts at offset_b = b · ⌊N / B⌋ and batch k holds
/// <code>
///   xs[b, t] = corpus[(offset_b + k·T + t) mod N]        ts[b, t] = corpus[(offset_b + k·T + t) mod N + 1]
/// </code>
/// i.e. ts is xs shifted by one token. One epoch is ⌊N / (B·T)⌋ batches; the position carries on into the
/// next epoch (wrapping around) until <see cref="Reset"/>.
/// </remarks>
public sealed class TbpttBatcher : IBatchSource
{
    private readonly int[] _corpus;
    private readonly int[] _offsets;
    private readonly NdArray<int> _xs, _ts;
    private long _timeIndex;

    /// <summary>Batches <paramref name="corpus"/> (token ids, not copied) into B streams of T steps.</summary>
    public TbpttBatcher(int[] corpus, int batchSize, int timeSize)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeSize);
        int n = corpus.Length - 1;
        if (n < batchSize * timeSize)
        {
            throw new ArgumentException(
                $"corpus: {corpus.Length} tokens make no batch of {batchSize} × {timeSize} (needs {batchSize * timeSize + 1}).",
                nameof(corpus));
        }

        _corpus = corpus;
        _offsets = new int[batchSize];
        for (int b = 0; b < batchSize; b++)
        {
            _offsets[b] = b * (n / batchSize);
        }

        (BatchSize, TimeSize, BatchesPerEpoch) = (batchSize, timeSize, n / (batchSize * timeSize));
        _xs = new NdArray<int>(batchSize, timeSize);
        _ts = new NdArray<int>(batchSize, timeSize);
    }

    /// <summary>B, the number of parallel streams.</summary>
    public int BatchSize { get; }

    /// <summary>T, the number of steps per batch (the truncation length).</summary>
    public int TimeSize { get; }

    /// <inheritdoc/>
    public int BatchesPerEpoch { get; }

    /// <summary>Always true: row b of a batch continues row b of the previous one.</summary>
    public bool CarriesState => true;

    /// <summary>Where each stream starts in the corpus.</summary>
    public IReadOnlyList<int> Offsets => _offsets;

    /// <inheritdoc/>
    public (NdArray<int> Xs, NdArray<int> Ts) Next()
    {
        int n = _corpus.Length - 1;
        for (int b = 0; b < BatchSize; b++)
        {
            for (int t = 0; t < TimeSize; t++)
            {
                int position = (int)((_offsets[b] + _timeIndex + t) % n);
                _xs[b, t] = _corpus[position];
                _ts[b, t] = _corpus[position + 1];
            }
        }

        _timeIndex += TimeSize;
        return (_xs, _ts);
    }

    /// <inheritdoc/>
    public void Reset() => _timeIndex = 0;
}
