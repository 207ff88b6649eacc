namespace RnnWorkbook.Classification;

/// <summary>
/// Batches of texts of similar length (bucketing): shuffle, cut into pools of <c>poolBatches</c> batches,
/// sort each pool by length, cut it into batches, shuffle the batches. A batch is then padded to its own
/// longest text, so far fewer padded steps are computed than with random batches.
/// </summary>
public static class LengthBuckets
{
    /// <summary>Index batches covering every text once.</summary>
    /// <param name="lengths">The length of each text.</param>
    /// <param name="batchSize">B.</param>
    /// <param name="seed">Seeds both shuffles; the same seed gives the same batches.</param>
    /// <param name="poolBatches">How many batches are sorted together (1: no bucketing, random batches).</param>
    public static IReadOnlyList<int[]> Batches(IReadOnlyList<int> lengths, int batchSize, int seed, int poolBatches = 50)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(poolBatches);
        var random = new Random(seed);
        var order = Enumerable.Range(0, lengths.Count).ToArray();
        random.Shuffle(order);
        var batches = new List<int[]>();
        int pool = batchSize * poolBatches;
        for (int start = 0; start < order.Length; start += pool)
        {
            var sorted = order.Skip(start).Take(pool).OrderBy(i => lengths[i]).ToArray();
            batches.AddRange(sorted.Chunk(batchSize));
        }

        var shuffled = batches.ToArray();
        random.Shuffle(shuffled);
        return shuffled;
    }

    /// <summary>Index batches in the given order (evaluation: no shuffling, sorted by length within pools for speed).</summary>
    public static IReadOnlyList<int[]> InOrder(IReadOnlyList<int> lengths, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return [.. Enumerable.Range(0, lengths.Count).OrderBy(i => lengths[i]).Chunk(batchSize)];
    }

    /// <summary>The share of computed steps that are padding when the batches are padded to their longest text.</summary>
    public static double PaddingShare(IReadOnlyList<int> lengths, IEnumerable<int[]> batches)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentNullException.ThrowIfNull(batches);
        long real = 0, computed = 0;
        foreach (var batch in batches)
        {
            int longest = batch.Max(i => lengths[i]);
            computed += (long)longest * batch.Length;
            real += batch.Sum(i => (long)lengths[i]);
        }

        return computed == 0 ? 0 : 1.0 - ((double)real / computed);
    }
}
