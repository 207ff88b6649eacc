namespace RnnWorkbook.Scratch;

/// <summary>
/// Batches of whole short sequences for full BPTT: each row is one sequence from its first token, padded at
/// the end, and the gradient runs through the whole sequence. The state is reset before every batch.
/// </summary>
/// <remarks>
/// For a sequence s of length L: xs = s[0 … L−2], ts = s[1 … L−1]. T is the longest L − 1; shorter rows are
/// padded with <c>padId</c> in xs and with the ignore index in ts, so padding adds nothing to the loss. The
/// last batch of an epoch is filled up with fully padded rows, so every batch is (B, T). With a seed the
/// order of the sequences is shuffled every epoch.
/// </remarks>
public sealed class SequenceBatcher : IBatchSource
{
    private readonly int[][] _sequences;
    private readonly int[] _order;
    private readonly Random? _shuffle;
    private readonly NdArray<int> _xs, _ts;
    private int _next;

    /// <summary>Batches <paramref name="sequences"/> (each at least 2 tokens) into (B, T) arrays.</summary>
    /// <param name="sequences">Token id sequences; not copied.</param>
    /// <param name="batchSize">B.</param>
    /// <param name="padId">Input id written after a sequence ends (must be a valid id for the embedding).</param>
    /// <param name="ignoreIndex">Target id written after a sequence ends (the loss's ignore index).</param>
    /// <param name="shuffleSeed">When given, the sequence order is shuffled every epoch with this seed.</param>
    public SequenceBatcher(IReadOnlyList<int[]> sequences, int batchSize, int padId = 0, int ignoreIndex = -1, int? shuffleSeed = null)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (sequences.Count == 0)
        {
            throw new ArgumentException("sequences: no sequence given.", nameof(sequences));
        }

        for (int i = 0; i < sequences.Count; i++)
        {
            if (sequences[i] is null || sequences[i].Length < 2)
            {
                throw new ArgumentException($"sequences[{i}]: a sequence needs at least 2 tokens.", nameof(sequences));
            }
        }

        _sequences = [.. sequences];
        _order = [.. Enumerable.Range(0, _sequences.Length)];
        _shuffle = shuffleSeed is int seed ? new Random(seed) : null;
        (BatchSize, PadId, IgnoreIndex) = (batchSize, padId, ignoreIndex);
        TimeSize = _sequences.Max(s => s.Length) - 1;
        BatchesPerEpoch = (_sequences.Length + batchSize - 1) / batchSize;
        _xs = new NdArray<int>(batchSize, TimeSize);
        _ts = new NdArray<int>(batchSize, TimeSize);
        Reset();
    }

    /// <summary>B.</summary>
    public int BatchSize { get; }

    /// <summary>T: the longest sequence minus one.</summary>
    public int TimeSize { get; }

    /// <summary>The input id used for padding.</summary>
    public int PadId { get; }

    /// <summary>The target id used for padding.</summary>
    public int IgnoreIndex { get; }

    /// <inheritdoc/>
    public int BatchesPerEpoch { get; }

    /// <summary>Always false: every batch starts new sequences.</summary>
    public bool CarriesState => false;

    /// <inheritdoc/>
    public (NdArray<int> Xs, NdArray<int> Ts) Next()
    {
        if (_next >= _sequences.Length)
        {
            StartEpoch();
        }

        _xs.Fill(PadId);
        _ts.Fill(IgnoreIndex);
        for (int b = 0; b < BatchSize && _next < _sequences.Length; b++, _next++)
        {
            int[] s = _sequences[_order[_next]];
            s.AsSpan(0, s.Length - 1).CopyTo(_xs.Data.AsSpan(b * TimeSize));
            s.AsSpan(1).CopyTo(_ts.Data.AsSpan(b * TimeSize));
        }

        return (_xs, _ts);
    }

    /// <summary>Starts again from the first batch (and, with a seed, reshuffles).</summary>
    public void Reset() => StartEpoch();

    private void StartEpoch()
    {
        _next = 0;
        _shuffle?.Shuffle(_order);
    }
}
