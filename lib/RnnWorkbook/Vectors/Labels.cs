namespace RnnWorkbook.Vectors;

/// <summary>Checks shared by the classifiers.</summary>
internal static class Labels
{
    /// <summary>The number of classes; throws naming the argument when rows and labels disagree.</summary>
    public static int Validate(CsrMatrix x, IReadOnlyList<int> labels, int? classes)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != x.Rows)
            throw new ArgumentException($"labels: expected {x.Rows} (one per row of x), got {labels.Count}.", nameof(labels));
        if (x.Rows == 0)
            throw new ArgumentException("x has no rows to learn from.", nameof(x));
        var k = classes ?? (labels.Max() + 1);
        if (k < 2)
            throw new ArgumentException($"labels: at least two classes are needed, found {k}.", nameof(labels));
        for (var i = 0; i < labels.Count; i++)
        {
            if ((uint)labels[i] >= (uint)k)
                throw new ArgumentException($"labels[{i}] = {labels[i]} is not in 0 .. {k - 1}.", nameof(labels));
        }

        return k;
    }

    public static int[] ArgMax(double[] scores, int classes)
    {
        var rows = scores.Length / classes;
        var best = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            var at = 0;
            for (var c = 1; c < classes; c++)
            {
                if (scores[(r * classes) + c] > scores[(r * classes) + at])
                    at = c;
            }

            best[r] = at;
        }

        return best;
    }
}
