namespace RnnWorkbook.Display;

/// <summary>A named sequence of (x, y) points for <see cref="Charts"/>.</summary>
public sealed record Series
{
    public Series(string name, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"series '{name}': x has {x.Count} points but y has {y.Count}.", nameof(y));
        }

        Name = name;
        X = x;
        Y = y;
    }

    public string Name { get; }

    public IReadOnlyList<double> X { get; }

    public IReadOnlyList<double> Y { get; }

    /// <summary>y against 1, 2, 3, ... (steps or epochs).</summary>
    public static Series Of(string name, IReadOnlyList<double> y) =>
        new(name, Enumerable.Range(1, y.Count).Select(i => (double)i).ToArray(), y);
}
