using System.Numerics;
using System.Numerics.Tensors;

namespace RnnWorkbook.Scratch;

/// <summary>Softmax over the last axis: turns the scores of each row into probabilities (for sampling and display).</summary>
/// <remarks>
/// Shapes: s (N, V) → p (N, V). No parameters.
/// <code>
///   p_i = exp(s_i − max s) / Σ_j exp(s_j − max s)
///   ∂L/∂s = p ⊙ (∂L/∂p − Σ_j ∂L/∂p_j p_j)
/// </code>
/// Subtracting the row maximum changes nothing mathematically and keeps exp from overflowing.
/// </remarks>
public sealed class Softmax<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private NdArray<T>? _p, _ds;

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Params { get; } = [];

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Grads { get; } = [];

    /// <summary>Row-wise softmax of s (N, V).</summary>
    public NdArray<T> Forward(NdArray<T> s)
    {
        ShapeCheck.Require(s, nameof(s), ShapeCheck.Any, ShapeCheck.Any);
        int n = s.Dim(0), v = s.Dim(1);
        var p = Buffers.Ensure(ref _p, n, v);
        for (int r = 0; r < n; r++)
        {
            SoftmaxRow(s.Data.AsSpan(r * v, v), p.Data.AsSpan(r * v, v));
        }

        return p;
    }

    /// <summary>Takes ∂L/∂p (N, V) and returns ∂L/∂s (N, V).</summary>
    public NdArray<T> Backward(NdArray<T> dp)
    {
        var p = Buffers.Saved(_p, nameof(Softmax<T>));
        int n = p.Dim(0), v = p.Dim(1);
        ShapeCheck.Require(dp, nameof(dp), n, v);
        var ds = Buffers.Ensure(ref _ds, n, v);
        for (int r = 0; r < n; r++)
        {
            ReadOnlySpan<T> pRow = p.Data.AsSpan(r * v, v);
            Span<T> dsRow = ds.Data.AsSpan(r * v, v);
            T weighted = TensorPrimitives.Dot(dp.Data.AsSpan(r * v, v), pRow);
            TensorPrimitives.Subtract(dp.Data.AsSpan(r * v, v), weighted, dsRow);
            TensorPrimitives.Multiply(dsRow, pRow, dsRow);
        }

        return ds;
    }

    /// <summary>p = softmax(s) for one row; also used by the loss layer.</summary>
    internal static void SoftmaxRow(ReadOnlySpan<T> s, Span<T> p)
    {
        T max = TensorPrimitives.Max(s);
        TensorPrimitives.Subtract(s, max, p);
        TensorPrimitives.Exp(p, p);
        TensorPrimitives.Divide(p, TensorPrimitives.Sum<T>(p), p);
    }
}
