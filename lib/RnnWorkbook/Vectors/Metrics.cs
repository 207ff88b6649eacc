namespace RnnWorkbook.Vectors;

/// <summary>Classification and correlation measures, defined as scikit-learn and SciPy define them.</summary>
public static class Metrics
{
    /// <summary>The share of predictions equal to the labels.</summary>
    public static double Accuracy(IReadOnlyList<int> labels, IReadOnlyList<int> predictions)
    {
        Same(labels, predictions);
        var right = 0;
        for (var i = 0; i < labels.Count; i++)
            right += labels[i] == predictions[i] ? 1 : 0;
        return (double)right / labels.Count;
    }

    /// <summary>counts[label, prediction]: how often each true class was predicted as each class.</summary>
    public static int[,] ConfusionMatrix(IReadOnlyList<int> labels, IReadOnlyList<int> predictions, int classes)
    {
        Same(labels, predictions);
        var counts = new int[classes, classes];
        for (var i = 0; i < labels.Count; i++)
            counts[labels[i], predictions[i]]++;
        return counts;
    }

    /// <summary>
    /// Macro-averaged F1 (매크로 F1): the F1 = 2PR / (P + R) of each class, averaged with equal weight, so a
    /// small class counts as much as a large one. A class never predicted and never present scores 0, as
    /// scikit-learn's <c>f1_score(average="macro", zero_division=0)</c>.
    /// </summary>
    public static double MacroF1(IReadOnlyList<int> labels, IReadOnlyList<int> predictions, int classes)
    {
        var m = ConfusionMatrix(labels, predictions, classes);
        double sum = 0;
        for (var c = 0; c < classes; c++)
        {
            int tp = m[c, c], predicted = 0, actual = 0;
            for (var k = 0; k < classes; k++)
            {
                predicted += m[k, c];
                actual += m[c, k];
            }

            sum += predicted + actual == 0 ? 0 : 2.0 * tp / (predicted + actual);
        }

        return sum / classes;
    }

    /// <summary>Spearman's rank correlation: the Pearson correlation of the ranks, ties sharing their mean rank (SciPy's <c>spearmanr</c>).</summary>
    public static double Spearman(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count || a.Count < 2)
            throw new ArgumentException($"b: expected {a.Count} values (and at least 2), got {b.Count}.", nameof(b));
        return Pearson(Ranks(a), Ranks(b));
    }

    /// <summary>The Pearson correlation; 0 when either side is constant.</summary>
    public static double Pearson(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        return saa == 0 || sbb == 0 ? 0 : sab / Math.Sqrt(saa * sbb);
    }

    /// <summary>Ranks 1 .. n, tied values sharing the mean of their ranks.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
                j++;
            var rank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
                ranks[order[k]] = rank;
            i = j + 1;
        }

        return ranks;
    }

    private static void Same(IReadOnlyList<int> labels, IReadOnlyList<int> predictions)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);
        if (labels.Count != predictions.Count || labels.Count == 0)
            throw new ArgumentException($"predictions: expected {labels.Count} (one per label, at least one), got {predictions.Count}.", nameof(predictions));
    }
}
