using System.Globalization;

namespace RnnWorkbook.Vectors;

/// <summary>
/// A document-frequency threshold as scikit-learn's <c>min_df</c> / <c>max_df</c> take it: either a number
/// of documents (<c>min_df=2</c>) or a share of them (<c>max_df=0.95</c>). A separate type, because in
/// Python <c>1</c> and <c>1.0</c> mean different things and in C# they should not be confused.
/// </summary>
public readonly record struct DocumentFrequency
{
    private DocumentFrequency(double value, bool isProportion)
    {
        Value = value;
        IsProportion = isProportion;
    }

    /// <summary>The number of documents, or the share of them.</summary>
    public double Value { get; }

    /// <summary>Whether <see cref="Value"/> is a share of the documents (0 to 1) rather than a count.</summary>
    public bool IsProportion { get; }

    /// <summary>A number of documents (0 or more).</summary>
    public static DocumentFrequency Count(int documents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(documents);
        return new DocumentFrequency(documents, isProportion: false);
    }

    /// <summary>A share of the documents, from 0 to 1.</summary>
    public static DocumentFrequency Proportion(double share)
    {
        if (!(share >= 0 && share <= 1))
            throw new ArgumentOutOfRangeException(nameof(share), share, "a share of the documents must be between 0 and 1.");
        return new DocumentFrequency(share, isProportion: true);
    }

    /// <summary>The threshold in documents for a training set of <paramref name="documents"/> documents.</summary>
    public double Resolve(int documents) => IsProportion ? Value * documents : Value;

    /// <inheritdoc />
    public override string ToString() => IsProportion ? Value.ToString("0.###", CultureInfo.InvariantCulture) : ((int)Value).ToString(CultureInfo.InvariantCulture);
}
