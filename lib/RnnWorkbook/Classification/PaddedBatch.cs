namespace RnnWorkbook.Classification;

/// <summary>
/// Texts of different lengths as one rectangle: ids (B, T) padded on the right with <see cref="PadId"/>, the
/// real length of each row, and the mask (B, T) that is 1 on real steps and 0 on padding.
/// </summary>
/// <remarks>
/// T is the longest row of the batch (at most <c>maxLength</c>). A longer text keeps its first
/// <c>maxLength</c> ids; <see cref="Truncated"/> counts those rows so a chapter can say how many were cut.
/// <code>
///   ids[b, t] = sequence_b[t] for t &lt; len_b, PadId otherwise;   mask[b, t] = 1 if t &lt; len_b
/// </code>
/// </remarks>
public sealed class PaddedBatch
{
    private PaddedBatch(int[] ids, int[] lengths, int time, int padId, int truncated)
    {
        Ids = ids;
        Lengths = lengths;
        TimeSize = time;
        PadId = padId;
        Truncated = truncated;
    }

    /// <summary>Row-major ids (B·T).</summary>
    public int[] Ids { get; }

    /// <summary>The real length of each row (1 ≤ len ≤ T).</summary>
    public int[] Lengths { get; }

    /// <summary>B.</summary>
    public int BatchSize => Lengths.Length;

    /// <summary>T, the longest row after truncation.</summary>
    public int TimeSize { get; }

    /// <summary>The id written after the end of each row.</summary>
    public int PadId { get; }

    /// <summary>How many rows were longer than the limit and were cut.</summary>
    public int Truncated { get; }

    /// <summary>ids[b, t].</summary>
    public int this[int b, int t] => Ids[(b * TimeSize) + t];

    /// <summary>True on real steps, false on padding.</summary>
    public bool IsReal(int b, int t) => t < Lengths[b];

    /// <summary>The mask (B, T) as 0/1 numbers.</summary>
    public float[,] Mask()
    {
        var mask = new float[BatchSize, TimeSize];
        for (int b = 0; b < BatchSize; b++)
        {
            for (int t = 0; t < Lengths[b]; t++)
            {
                mask[b, t] = 1;
            }
        }

        return mask;
    }

    /// <summary>Pads the given id sequences on the right.</summary>
    /// <param name="sequences">One id sequence per text; none may be empty.</param>
    /// <param name="padId">The padding id (0 by convention: <see cref="TokenVocabulary.PadId"/>).</param>
    /// <param name="maxLength">Rows longer than this keep their first <paramref name="maxLength"/> ids.</param>
    /// <exception cref="ArgumentException">No sequences, or one is empty (its index is named).</exception>
    public static PaddedBatch Create(IReadOnlyList<IReadOnlyList<int>> sequences, int padId = TokenVocabulary.PadId, int maxLength = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        if (sequences.Count == 0)
        {
            throw new ArgumentException("sequences: a batch needs at least one text.", nameof(sequences));
        }

        var lengths = new int[sequences.Count];
        int truncated = 0;
        for (int b = 0; b < sequences.Count; b++)
        {
            int length = sequences[b]?.Count ?? throw new ArgumentNullException(nameof(sequences), $"sequences[{b}] is null.");
            if (length == 0)
            {
                throw new ArgumentException(
                    $"sequences[{b}] is empty: a classifier needs at least one step to read (drop empty texts before batching).", nameof(sequences));
            }

            if (length > maxLength)
            {
                truncated++;
                length = maxLength;
            }

            lengths[b] = length;
        }

        int time = lengths.Max();
        var ids = new int[sequences.Count * time];
        Array.Fill(ids, padId);
        for (int b = 0; b < sequences.Count; b++)
        {
            for (int t = 0; t < lengths[b]; t++)
            {
                ids[(b * time) + t] = sequences[b][t];
            }
        }

        return new PaddedBatch(ids, lengths, time, padId, truncated);
    }
}
