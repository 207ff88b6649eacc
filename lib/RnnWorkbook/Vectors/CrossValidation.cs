namespace RnnWorkbook.Vectors;

/// <summary>
/// Stratified splits (층화 분할): every fold (or part) keeps the class proportions of the whole, and the
/// same seed gives the same split.
/// </summary>
public static class CrossValidation
{
    /// <summary>
    /// The fold (0 .. folds − 1) of each example: each class is shuffled with the seed and dealt round the
    /// folds in turn, so fold sizes differ by at most one per class.
    /// </summary>
    public static int[] StratifiedFolds(IReadOnlyList<int> labels, int folds, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        if (folds > labels.Count)
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"folds must not exceed the {labels.Count} examples.");
        var random = new Random(seed);
        var fold = new int[labels.Count];
        var next = 0;
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            foreach (var i in members)
                fold[i] = next++ % folds;
        }

        return fold;
    }

    /// <summary>The indices in fold <paramref name="k"/> (test) and the others (train).</summary>
    public static (int[] Train, int[] Test) Fold(int[] folds, int k) =>
        (Enumerable.Range(0, folds.Length).Where(i => folds[i] != k).ToArray(),
         Enumerable.Range(0, folds.Length).Where(i => folds[i] == k).ToArray());

    /// <summary>A stratified split into a training part and a held-out part of about <paramref name="heldOutShare"/>.</summary>
    public static (int[] Train, int[] HeldOut) StratifiedSplit(IReadOnlyList<int> labels, double heldOutShare, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!(heldOutShare > 0 && heldOutShare < 1))
            throw new ArgumentOutOfRangeException(nameof(heldOutShare), heldOutShare, "heldOutShare must be between 0 and 1.");
        var random = new Random(seed);
        var train = new List<int>();
        var heldOut = new List<int>();
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            var cut = (int)Math.Round(members.Length * heldOutShare);
            heldOut.AddRange(members[..cut]);
            train.AddRange(members[cut..]);
        }

        train.Sort();
        heldOut.Sort();
        return (train.ToArray(), heldOut.ToArray());
    }

    /// <summary>The items at <paramref name="indices"/>.</summary>
    public static T[] Take<T>(IReadOnlyList<T> items, IReadOnlyList<int> indices) => indices.Select(i => items[i]).ToArray();
}
