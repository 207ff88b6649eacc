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
    private NdArray<T>? _p;

    /// <summary>None.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; } = [];

    /// <summary>Row-wise softmax of s (N, V).</summary>
    public NdArray<T> Forward(NdArray<T> s)
    {
        ShapeCheck.Require(s, nameof(s), ShapeCheck.Any, ShapeCheck.Any);
        _p = s.SoftmaxRows();
        return _p;
    }

    /// <summary>Takes ∂L/∂p (N, V) and returns ∂L/∂s (N, V).</summary>
    public NdArray<T> Backward(NdArray<T> dp)
    {
        var p = _p ?? throw new InvalidOperationException("Softmax: call Forward before Backward.");
        ShapeCheck.Require(dp, nameof(dp), p.Dim(0), p.Dim(1));
        var ds = Nd.Empty<T>(p.Dim(0), p.Dim(1));
        int v = p.Dim(1);
        for (int r = 0; r < p.Dim(0); r++)
        {
            // ds_r = p_r ⊙ (dp_r − dp_r · p_r)
            ReadOnlySpan<T> pRow = p.Data.AsSpan(r * v, v), dpRow = dp.Data.AsSpan(r * v, v);
            Span<T> dsRow = ds.Data.AsSpan(r * v, v);
            TensorPrimitives.Subtract(dpRow, TensorPrimitives.Dot(dpRow, pRow), dsRow);
            TensorPrimitives.Multiply(dsRow, pRow, dsRow);
        }

        return ds;
    }
}
