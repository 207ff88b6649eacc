using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

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

    /// <summary>
    /// y = tanh(x). In float, a vectorized rational approximation (the one Eigen and PyTorch's CPU kernels
    /// use: x·P(x²)/Q(x²) on [−7.9, 7.9], a few ulps from the exact value), several times faster than
    /// TensorPrimitives.Tanh here; in double, TensorPrimitives.Tanh, so gradient checks see the exact function.
    /// </summary>
    public static void Tanh<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) != typeof(float) || !Vector.IsHardwareAccelerated)
        {
            TensorPrimitives.Tanh(x, y);
            return;
        }

        var xf = MemoryMarshal.Cast<T, float>(x);
        var yf = MemoryMarshal.Cast<T, float>(y);
        int i = 0;
        for (; i + Vector<float>.Count <= xf.Length; i += Vector<float>.Count)
        {
            TanhFloat(new Vector<float>(xf[i..])).CopyTo(yf[i..]);
        }

        for (; i < xf.Length; i++)
        {
            yf[i] = MathF.Tanh(xf[i]);
        }
    }

    /// <summary>y = σ(x) = (1 + tanh(x/2)) / 2: the same fast path as <see cref="Tanh{T}"/> in float.</summary>
    public static void Sigmoid<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) != typeof(float) || !Vector.IsHardwareAccelerated)
        {
            TensorPrimitives.Sigmoid(x, y);
            return;
        }

        var xf = MemoryMarshal.Cast<T, float>(x);
        var yf = MemoryMarshal.Cast<T, float>(y);
        var half = new Vector<float>(0.5f);
        int i = 0;
        for (; i + Vector<float>.Count <= xf.Length; i += Vector<float>.Count)
        {
            (half + half * TanhFloat(half * new Vector<float>(xf[i..]))).CopyTo(yf[i..]);
        }

        for (; i < xf.Length; i++)
        {
            yf[i] = 0.5f + 0.5f * MathF.Tanh(0.5f * xf[i]);
        }
    }

    private static Vector<float> TanhFloat(Vector<float> x)
    {
        var limit = new Vector<float>(7.90531110763549805f);
        var v = Vector.Min(Vector.Max(x, -limit), limit);
        var x2 = v * v;
        var p = new Vector<float>(-2.76076847742355e-16f);
        p = p * x2 + new Vector<float>(2.00018790482477e-13f);
        p = p * x2 + new Vector<float>(-8.60467152213735e-11f);
        p = p * x2 + new Vector<float>(5.12229709037114e-08f);
        p = p * x2 + new Vector<float>(1.48572235717979e-05f);
        p = p * x2 + new Vector<float>(6.37261928875436e-04f);
        p = p * x2 + new Vector<float>(4.89352455891786e-03f);
        var q = new Vector<float>(1.19825839466702e-06f);
        q = q * x2 + new Vector<float>(1.18534705686654e-04f);
        q = q * x2 + new Vector<float>(2.26843463243900e-03f);
        q = q * x2 + new Vector<float>(4.89352518554385e-03f);
        var result = v * p / q;
        // Below 0.0004, tanh(x) = x to float precision (and the ratio would lose the sign of −0).
        return Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(x), new Vector<float>(0.0004f)), x, result);
    }
}
