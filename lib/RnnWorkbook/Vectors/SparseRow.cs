namespace RnnWorkbook.Vectors;

/// <summary>The stored entries of one row of a <see cref="CsrMatrix"/>: increasing column indices and their values.</summary>
public readonly ref struct SparseRow(ReadOnlySpan<int> indices, ReadOnlySpan<double> values)
{
    /// <summary>The columns of the stored entries, increasing.</summary>
    public ReadOnlySpan<int> Indices { get; } = indices;

    /// <summary>The values of the stored entries.</summary>
    public ReadOnlySpan<double> Values { get; } = values;

    /// <summary>How many entries are stored.</summary>
    public int Count => Indices.Length;

    /// <summary>The dot product of two sparse rows (a merge of their sorted indices).</summary>
    public double Dot(SparseRow other)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < Indices.Length && j < other.Indices.Length)
        {
            var a = Indices[i];
            var b = other.Indices[j];
            if (a == b)
                sum += Values[i++] * other.Values[j++];
            else if (a < b)
                i++;
            else
                j++;
        }

        return sum;
    }

    /// <summary>The Euclidean length of the row.</summary>
    public double Norm()
    {
        double sum = 0;
        foreach (var v in Values)
            sum += v * v;
        return Math.Sqrt(sum);
    }

    /// <summary>
    /// The cosine of the angle between two rows: <c>a·b / (‖a‖ ‖b‖)</c>; 0 when either row is all zeros
    /// (an empty document is similar to nothing, rather than NaN).
    /// </summary>
    public double Cosine(SparseRow other)
    {
        var norms = Norm() * other.Norm();
        return norms == 0 ? 0 : Dot(other) / norms;
    }
}
