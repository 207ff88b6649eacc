namespace RnnWorkbook.Classification;

/// <summary>Checks on labels: inside the label set, and every class present in every split.</summary>
public static class ClassLabels
{
    /// <summary>The labels as an array, after checking there is one per row and each lies in 0 … K−1.</summary>
    /// <exception cref="ArgumentException">The count differs, or a label is outside the set (its position named).</exception>
    public static int[] Require(IReadOnlyList<int> labels, int classes, int rows)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != rows)
        {
            throw new ArgumentException($"labels: expected {rows} labels (one per text), got {labels.Count}.", nameof(labels));
        }

        var array = labels.ToArray();
        for (int i = 0; i < array.Length; i++)
        {
            if ((uint)array[i] >= (uint)classes)
            {
                throw new ArgumentException($"labels[{i}] = {array[i]} is outside the label set 0 … {classes - 1} ({classes} classes).", nameof(labels));
            }
        }

        return array;
    }

    /// <summary>Fails when a class has no example in a split: its scores (recall, F1) would be undefined there.</summary>
    /// <param name="labels">The split's labels.</param>
    /// <param name="classNames">The name of each class, in label order.</param>
    /// <param name="split">The split's name for the message ("validation", "fold 3 test", …).</param>
    /// <exception cref="ArgumentException">A label is outside the set, or a class is missing (named).</exception>
    public static void RequireEveryClass(IReadOnlyList<int> labels, IReadOnlyList<string> classNames, string split)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        var counts = new int[classNames.Count];
        foreach (var y in Require(labels, classNames.Count, labels.Count))
        {
            counts[y]++;
        }

        var missing = Enumerable.Range(0, counts.Length).Where(k => counts[k] == 0).Select(k => classNames[k]).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException(
                $"The {split} split has no example of {string.Join(", ", missing)} ({labels.Count} texts): split with stratification or a larger share.", nameof(labels));
        }
    }
}
