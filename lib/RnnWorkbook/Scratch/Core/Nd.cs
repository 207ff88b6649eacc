using System.Numerics;
using System.Numerics.Tensors;

namespace RnnWorkbook.Scratch;

/// <summary>
/// The array operations layers are written with, in the spirit of NumPy in "Deep Learning from Scratch 2":
/// <c>x.MatMul(Wx) + h.MatMul(Wh) + b</c>, <c>a.Tanh()</c>, <c>da.Sum(axis: 0)</c>, <c>x.T().MatMul(da)</c>,
/// <c>a.Cols(0, H)</c>, <c>xs.Step(t)</c>. The operators + − * (element-wise, ⊙) are on <see cref="NdArray{T}"/>.
/// </summary>
/// <remarks>
/// <para>Every operation returns a new array and never changes its operands, so a layer may keep the arrays
/// it was given for its backward pass. The new arrays come from the entered <see cref="ArrayArena"/> when
/// there is one (a model's training step), otherwise from the heap.</para>
/// <para>Underneath are the tiled matrix product (<c>Gemm</c>) and <see cref="TensorPrimitives"/>; shapes are
/// checked, and a mismatch names the argument, the expected and the actual shape.</para>
/// </remarks>
public static class Nd
{
    #region Products
    /// <summary>The matrix product a·b: a (M, K) · b (K, N) → (M, N). A rank-3 a (B, T, K) gives (B, T, N).</summary>
    public static NdArray<T> MatMul<T>(this NdArray<T> a, NdArray<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        int k = a.Dim(a.Rank - 1), m = a.Length / Math.Max(k, 1);
        RequireMatrix(a, nameof(a));
        ShapeCheck.Require(b, nameof(b), k, ShapeCheck.Any);
        int n = b.Dim(1);
        var c = a.Rank == 3 ? NdArray<T>.Uninitialized(a.Dim(0), a.Dim(1), n) : NdArray<T>.Uninitialized(m, n);
        Gemm.Multiply<T>(m, n, k, a.Data, k, 1, b.Data, n, c.Data, n, accumulate: false);
        return c;
    }

    /// <summary>aᵀ·b: a (K, M) seen transposed, b (K, N) → (M, N). A rank-3 a (B, T, M) is read as (B·T, M).</summary>
    public static NdArray<T> MatMul<T>(this Transposed<T> a, NdArray<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var source = a.Source;
        int m = source.Dim(source.Rank - 1), k = source.Length / Math.Max(m, 1);
        ArgumentNullException.ThrowIfNull(b);
        if (b.Rank < 2 || b.Length / Math.Max(b.Dim(b.Rank - 1), 1) != k)
        {
            throw new ArgumentException($"b: expected ({k}, *) to multiply {source.ShapeText}ᵀ, got {b.ShapeText}", nameof(b));
        }

        int n = b.Dim(b.Rank - 1);
        var c = NdArray<T>.Uninitialized(m, n);
        Gemm.Multiply<T>(m, n, k, source.Data, 1, m, b.Data, n, c.Data, n, accumulate: false);
        return c;
    }

    /// <summary>a·bᵀ: a (M, K), b (N, K) seen transposed → (M, N). A rank-3 a (B, T, K) gives (B, T, N).</summary>
    public static NdArray<T> MatMul<T>(this NdArray<T> a, Transposed<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        RequireMatrix(a, nameof(a));
        var source = b.Source;
        int k = a.Dim(a.Rank - 1), m = a.Length / Math.Max(k, 1);
        if (source.Rank != 2 || source.Dim(1) != k)
        {
            throw new ArgumentException($"b: expected (*, {k}) to multiply transposed, got {source.ShapeText}", nameof(b));
        }

        int n = source.Dim(0);
        var c = a.Rank == 3 ? NdArray<T>.Uninitialized(a.Dim(0), a.Dim(1), n) : NdArray<T>.Uninitialized(m, n);
        if ((long)m * n * k < 4096 * 64 || m < 4 * n)
        {
            Gemm.MultiplyTransposedB<T>(m, n, k, a.Data, k, source.Data, k, c.Data, n, accumulate: false);
        }
        else
        {
            // Many rows (e.g. B·T = 1120 against a (V, H) weight): one transpose of b pays for itself.
            var bT = NdArray<T>.Uninitialized(k, n);
            Gemm.Transpose<T>(source.Data, n, k, bT.Data);
            Gemm.Multiply<T>(m, n, k, a.Data, k, 1, bT.Data, n, c.Data, n, accumulate: false);
        }
        return c;
    }

    /// <summary>The transpose of a as an operand of <c>MatMul</c>, without copying: <c>x.T().MatMul(da)</c> is xᵀ·da.</summary>
    public static Transposed<T> T<T>(this NdArray<T> a) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank < 2)
        {
            throw new ArgumentException($"a: expected a matrix (rank 2 or 3), got {a.ShapeText}", nameof(a));
        }

        return new Transposed<T>(a);
    }
    #endregion

    #region Activations
    /// <summary>tanh, element-wise.</summary>
    public static NdArray<T> Tanh<T>(this NdArray<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = NdArray<T>.UninitializedLike(a);
        VectorOps.Tanh<T>(a.Data, y.Data);
        return y;
    }

    /// <summary>σ(a) = 1 / (1 + e^(−a)), element-wise.</summary>
    public static NdArray<T> Sigmoid<T>(this NdArray<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = NdArray<T>.UninitializedLike(a);
        VectorOps.Sigmoid<T>(a.Data, y.Data);
        return y;
    }

    /// <summary>e^a, element-wise.</summary>
    public static NdArray<T> Exp<T>(this NdArray<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = NdArray<T>.UninitializedLike(a);
        TensorPrimitives.Exp<T>(a.Data, y.Data);
        return y;
    }

    /// <summary>
    /// Called on y = tanh(a): the gradient through tanh, dy ⊙ (1 − y²), in one pass. Same as
    /// <c>dy * (T.One - y * y)</c>, which reads like the book; this one makes no temporaries.
    /// </summary>
    public static NdArray<T> TanhBackward<T>(this NdArray<T> y, NdArray<T> dy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireSameShape(y, dy, nameof(dy));
        var dx = NdArray<T>.UninitializedLike(y);
        VectorOps.TanhBackward<T>(dy.Data, y.Data, dx.Data);
        return dx;
    }

    /// <summary>Called on y = σ(a): the gradient through the sigmoid, dy ⊙ y ⊙ (1 − y).</summary>
    public static NdArray<T> SigmoidBackward<T>(this NdArray<T> y, NdArray<T> dy) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireSameShape(y, dy, nameof(dy));
        var dx = NdArray<T>.UninitializedLike(y);
        VectorOps.SigmoidBackward<T>(dy.Data, y.Data, dx.Data);
        return dx;
    }

    /// <summary>Softmax of each row (the last axis), as <see cref="TensorPrimitives.SoftMax{T}"/> computes it.</summary>
    public static NdArray<T> SoftmaxRows<T>(this NdArray<T> s) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(s);
        var p = NdArray<T>.UninitializedLike(s);
        int v = s.Dim(s.Rank - 1);
        for (int row = 0; row < s.Length / Math.Max(v, 1); row++)
        {
            TensorPrimitives.SoftMax<T>(s.Data.AsSpan(row * v, v), p.Data.AsSpan(row * v, v));
        }

        return p;
    }
    #endregion

    #region Reductions and slices
    /// <summary>
    /// The sum over the batch axis, as NumPy's <c>np.sum(a, axis=0)</c>: (B, H) → (H); for (B, T, H) every axis
    /// but the last is summed, (B, T, H) → (H). Rows are added in order, so the result repeats exactly.
    /// </summary>
    public static NdArray<T> Sum<T>(this NdArray<T> a, int axis) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (axis != 0 || a.Rank < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(axis), $"axis: only axis 0 of an array of rank 2 or 3 is summed, got axis {axis} of {a.ShapeText}.");
        }

        int h = a.Dim(a.Rank - 1);
        var sum = NdArray<T>.Uninitialized(h);
        sum.Clear();
        VectorOps.AddRowSums<T>(a.Data, a.Length / Math.Max(h, 1), h, sum.Data);
        return sum;
    }

    /// <summary>Columns [start, end) of a (N, C): a gate block of an LSTM or GRU pre-activation. Copies into (N, end − start).</summary>
    public static NdArray<T> Cols<T>(this NdArray<T> a, int start, int end) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank != 2)
        {
            throw new ArgumentException($"a: expected (N, C), got {a.ShapeText}", nameof(a));
        }

        int n = a.Dim(0), cols = a.Dim(1);
        if (start < 0 || end > cols || start > end)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"columns [{start}, {end}) are outside 0..{cols} of {a.ShapeText}.");
        }

        int width = end - start;
        var result = NdArray<T>.Uninitialized(n, width);
        for (int r = 0; r < n; r++)
        {
            a.Data.AsSpan(r * cols + start, width).CopyTo(result.Data.AsSpan(r * width, width));
        }

        return result;
    }

    /// <summary>The arrays (N, C_i) side by side as (N, Σ C_i), like <c>np.hstack</c>: the gate blocks joined again.</summary>
    public static NdArray<T> ConcatCols<T>(params ReadOnlySpan<NdArray<T>> blocks) where T : unmanaged
    {
        if (blocks.Length == 0)
        {
            throw new ArgumentException("blocks: expected at least one array.", nameof(blocks));
        }

        ShapeCheck.Require(blocks[0], "blocks[0]", ShapeCheck.Any, ShapeCheck.Any);
        int n = blocks[0].Dim(0), total = 0;
        for (int i = 0; i < blocks.Length; i++)
        {
            ShapeCheck.Require(blocks[i], $"blocks[{i}]", n, ShapeCheck.Any);
            total += blocks[i].Dim(1);
        }

        var result = NdArray<T>.Uninitialized(n, total);
        for (int r = 0, offset = 0; r < n; r++)
        {
            foreach (var block in blocks)
            {
                int width = block.Dim(1);
                block.Data.AsSpan(r * width, width).CopyTo(result.Data.AsSpan(offset, width));
                offset += width;
            }
        }

        return result;
    }

    /// <summary>Step t of a (B, T, H) array as a (B, H) copy: NumPy's <c>xs[:, t, :]</c>.</summary>
    public static NdArray<T> Step<T>(this NdArray<T> xs, int t) where T : unmanaged
    {
        ShapeCheck.Require(xs, nameof(xs), ShapeCheck.Any, ShapeCheck.Any, ShapeCheck.Any);
        int batch = xs.Dim(0), time = xs.Dim(1), h = xs.Dim(2);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)t, (uint)time, nameof(t));
        var x = NdArray<T>.Uninitialized(batch, h);
        for (int b = 0; b < batch; b++)
        {
            xs.Data.AsSpan((b * time + t) * h, h).CopyTo(x.Data.AsSpan(b * h, h));
        }

        return x;
    }

    /// <summary>Writes x (B, H) into step t of xs (B, T, H): NumPy's <c>xs[:, t, :] = x</c>. The one operation that changes an array.</summary>
    public static void SetStep<T>(this NdArray<T> xs, int t, NdArray<T> x) where T : unmanaged
    {
        ShapeCheck.Require(xs, nameof(xs), ShapeCheck.Any, ShapeCheck.Any, ShapeCheck.Any);
        int batch = xs.Dim(0), time = xs.Dim(1), h = xs.Dim(2);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)t, (uint)time, nameof(t));
        ShapeCheck.Require(x, nameof(x), batch, h);
        for (int b = 0; b < batch; b++)
        {
            x.Data.AsSpan(b * h, h).CopyTo(xs.Data.AsSpan((b * time + t) * h, h));
        }
    }

    /// <summary>A zero array of a's shape: NumPy's <c>np.zeros_like(a)</c>.</summary>
    public static NdArray<T> ZerosLike<T>(this NdArray<T> a) where T : unmanaged
    {
        var zeros = NdArray<T>.UninitializedLike(a);
        zeros.Clear();
        return zeros;
    }

    /// <summary>A zero array of the given shape, from the entered arena if any.</summary>
    public static NdArray<T> Zeros<T>(params int[] shape) where T : unmanaged
    {
        var zeros = NdArray<T>.Uninitialized(shape);
        zeros.Clear();
        return zeros;
    }

    /// <summary>An array of the given shape whose elements are not set (from the entered arena if any): for results written whole, e.g. by <see cref="SetStep{T}"/>.</summary>
    public static NdArray<T> Empty<T>(params int[] shape) where T : unmanaged => NdArray<T>.Uninitialized(shape);

    /// <summary>A copy of a, from the entered arena if any (<see cref="NdArray{T}.Clone"/> always makes a heap copy).</summary>
    public static NdArray<T> Copy<T>(this NdArray<T> a) where T : unmanaged
    {
        var copy = NdArray<T>.UninitializedLike(a);
        a.Data.CopyTo(copy.Data, 0);
        return copy;
    }

    /// <summary>a += b in place (same shape): how a gradient is accumulated, e.g. over the steps of BPTT.</summary>
    public static void AddInPlace<T>(this NdArray<T> a, NdArray<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RequireSameShape(a, b, nameof(b));
        TensorPrimitives.Add<T>(a.Data, b.Data, a.Data);
    }
    #endregion

    #region Element-wise (behind the operators of NdArray)
    internal static NdArray<T> Broadcast<T>(NdArray<T> a, NdArray<T> b, Operation operation) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.SameShape(b))
        {
            var y = NdArray<T>.UninitializedLike(a);
            Apply(operation, a.Data, b.Data, y.Data);
            return y;
        }

        if (IsTrailing(b, a))
        {
            var y = NdArray<T>.UninitializedLike(a);
            for (int offset = 0; offset < a.Length; offset += b.Length)
            {
                Apply(operation, a.Data.AsSpan(offset, b.Length), b.Data, y.Data.AsSpan(offset, b.Length));
            }

            return y;
        }

        if (IsTrailing(a, b))
        {
            var y = NdArray<T>.UninitializedLike(b);
            for (int offset = 0; offset < b.Length; offset += a.Length)
            {
                Apply(operation, a.Data, b.Data.AsSpan(offset, a.Length), y.Data.AsSpan(offset, a.Length));
            }

            return y;
        }

        string bias = a.Rank > 1 ? $" or ({a.Dim(a.Rank - 1)})" : "";
        throw new ArgumentException($"b: expected {a.ShapeText}{bias}, got {b.ShapeText}", nameof(b));
    }

    internal static NdArray<T> Scalar<T>(NdArray<T> a, T s, Operation operation) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        var y = NdArray<T>.UninitializedLike(a);
        switch (operation)
        {
            case Operation.Add: TensorPrimitives.Add<T>(a.Data, s, y.Data); break;
            case Operation.Subtract: TensorPrimitives.Subtract<T>(a.Data, s, y.Data); break;
            case Operation.Multiply: TensorPrimitives.Multiply<T>(a.Data, s, y.Data); break;
            case Operation.ReverseSubtract: TensorPrimitives.Subtract<T>(s, a.Data, y.Data); break;
            default: throw new ArgumentOutOfRangeException(nameof(operation));
        }

        return y;
    }

    internal enum Operation { Add, Subtract, Multiply, ReverseSubtract }

    private static void Apply<T>(Operation operation, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (operation)
        {
            case Operation.Add: TensorPrimitives.Add(a, b, y); break;
            case Operation.Subtract: TensorPrimitives.Subtract(a, b, y); break;
            case Operation.Multiply: TensorPrimitives.Multiply(a, b, y); break;
            default: throw new ArgumentOutOfRangeException(nameof(operation));
        }
    }

    // True when small's shape is the end of large's shape, e.g. (H) of (B, H) or (B, T, H): a row repeated.
    private static bool IsTrailing<T>(NdArray<T> small, NdArray<T> large) where T : unmanaged
    {
        if (small.Rank >= large.Rank)
        {
            return false;
        }

        for (int i = 1; i <= small.Rank; i++)
        {
            if (small.Dim(small.Rank - i) != large.Dim(large.Rank - i))
            {
                return false;
            }
        }

        return true;
    }
    #endregion

    private static void RequireMatrix<T>(NdArray<T> a, string name) where T : unmanaged
    {
        if (a.Rank is not (2 or 3))
        {
            throw new ArgumentException($"{name}: expected a matrix (N, K) or (B, T, K), got {a.ShapeText}", name);
        }
    }

    private static void RequireSameShape<T>(NdArray<T> a, NdArray<T> b, string name) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b, name);
        if (!a.SameShape(b))
        {
            throw new ArgumentException($"{name}: expected {a.ShapeText}, got {b.ShapeText}", name);
        }
    }
}
