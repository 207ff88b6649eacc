namespace RnnWorkbook.Sequences;

/// <summary>
/// Mini-batches of sequences of equal length, so a batch needs no padding and a bidirectional layer's
/// backward direction starts at every sequence's true end. The order of the batches is shuffled with a seed.
/// </summary>
public static class LengthBatches
{
    /// <summary>Indices of <paramref name="lengths"/> grouped by length, at most <paramref name="batchSize"/> a group.</summary>
    /// <param name="lengths">The length of each sequence.</param>
    /// <param name="batchSize">B, the most sequences in a batch.</param>
    /// <param name="random">Shuffles the members of each length and the batch order; null keeps the input order (evaluation).</param>
    public static IReadOnlyList<int[]> Create(IReadOnlyList<int> lengths, int batchSize, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var batches = new List<int[]>();
        foreach (var group in Enumerable.Range(0, lengths.Count).GroupBy(i => lengths[i]).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            random?.Shuffle(members);
            batches.AddRange(members.Chunk(batchSize));
        }

        if (random is not null)
        {
            var shuffled = batches.ToArray();
            random.Shuffle(shuffled);
            return shuffled;
        }

        return batches;
    }
}
