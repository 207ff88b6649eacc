using System.Numerics;
using System.Numerics.Tensors;

namespace RnnWorkbook.Scratch;

/// <summary>Row-wise helpers the layers share: adding a bias to every row, summing rows, tanh's derivative.</summary>
internal static class VectorOps
{
    /// <summary>rows[r, :] += bias for each of the <paramref name="rowCount"/> rows (row r starts at r·stride).</summary>
    public static void AddToEachRow<T>(Span<T> rows, int rowCount, int stride, ReadOnlySpan<T> bias)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int r = 0; r < rowCount; r++)
        {
            Span<T> row = rows.Slice(r * stride, bias.Length);
            TensorPrimitives.Add(row, bias, row);
        }
    }

    /// <summary>sums += Σ_r rows[r, :] (the gradient of a bias), rows in order so the result repeats exactly.</summary>
    public static void AddRowSums<T>(ReadOnlySpan<T> rows, int rowCount, int stride, Span<T> sums)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int r = 0; r < rowCount; r++)
        {
            TensorPrimitives.Add(sums, rows.Slice(r * stride, sums.Length), sums);
        }
    }

    /// <summary>dx = dy ⊙ (1 − y²): the gradient through y = tanh(a), written with y instead of a.</summary>
    public static void TanhBackward<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> y, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            for (; i + Vector<T>.Count <= dx.Length; i += Vector<T>.Count)
            {
                var yi = new Vector<T>(y[i..]);
                (new Vector<T>(dy[i..]) * (Vector<T>.One - yi * yi)).CopyTo(dx[i..]);
            }
        }

        for (; i < dx.Length; i++)
        {
            dx[i] = dy[i] * (T.One - y[i] * y[i]);
        }
    }

    /// <summary>dx = dy ⊙ y ⊙ (1 − y): the gradient through y = σ(a), written with y instead of a.</summary>
    public static void SigmoidBackward<T>(ReadOnlySpan<T> dy, ReadOnlySpan<T> y, Span<T> dx)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            for (; i + Vector<T>.Count <= dx.Length; i += Vector<T>.Count)
            {
                var yi = new Vector<T>(y[i..]);
                (new Vector<T>(dy[i..]) * yi * (Vector<T>.One - yi)).CopyTo(dx[i..]);
            }
        }

        for (; i < dx.Length; i++)
        {
            dx[i] = dy[i] * y[i] * (T.One - y[i]);
        }
    }
}
