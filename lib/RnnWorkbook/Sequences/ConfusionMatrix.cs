namespace RnnWorkbook.Sequences;

/// <summary>Counts of (gold tag, predicted tag) pairs: row = gold, column = predicted.</summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] _counts;

    /// <summary>An empty matrix over the given tags.</summary>
    public ConfusionMatrix(TagSet tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        Tags = tags;
        _counts = new long[tags.Count, tags.Count];
    }

    /// <summary>The tags of the rows and columns.</summary>
    public TagSet Tags { get; }

    /// <summary>How often gold tag <paramref name="gold"/> was predicted as <paramref name="predicted"/>.</summary>
    public long this[int gold, int predicted] => _counts[gold, predicted];

    /// <summary>All counted tokens.</summary>
    public long Total { get; private set; }

    /// <summary>The diagonal's share of <see cref="Total"/>.</summary>
    public double Accuracy => Total == 0 ? double.NaN : (double)Enumerable.Range(0, Tags.Count).Sum(i => _counts[i, i]) / Total;

    /// <summary>Counts one token.</summary>
    public void Add(int gold, int predicted)
    {
        _counts[gold, predicted]++;
        Total++;
    }

    /// <summary>Counts every token of the sequences.</summary>
    public void AddAll(IReadOnlyList<EncodedSequence> sequences, int[][] predicted)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(predicted);
        for (int i = 0; i < sequences.Count; i++)
        {
            for (int t = 0; t < sequences[i].Length; t++)
            {
                Add(sequences[i].Tags[t], predicted[i][t]);
            }
        }
    }

    /// <summary>Each row divided by its sum (the share of gold tag i predicted as j); rows without tokens stay 0.</summary>
    public double[,] RowShares()
    {
        int n = Tags.Count;
        var shares = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            long sum = Enumerable.Range(0, n).Sum(j => _counts[i, j]);
            for (int j = 0; j < n && sum > 0; j++)
            {
                shares[i, j] = (double)_counts[i, j] / sum;
            }
        }

        return shares;
    }

    /// <summary>The largest off-diagonal cells, most frequent first.</summary>
    public IReadOnlyList<(string Gold, string Predicted, long Count)> TopConfusions(int count)
    {
        var cells = new List<(string, string, long)>();
        for (int i = 0; i < Tags.Count; i++)
        {
            for (int j = 0; j < Tags.Count; j++)
            {
                if (i != j && _counts[i, j] > 0)
                {
                    cells.Add((Tags.Names[i], Tags.Names[j], _counts[i, j]));
                }
            }
        }

        return [.. cells.OrderByDescending(c => c.Item3).Take(count)];
    }
}
