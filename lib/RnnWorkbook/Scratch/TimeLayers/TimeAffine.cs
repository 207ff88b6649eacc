using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>The output projection applied at every time step: hidden states to scores over the vocabulary.</summary>
/// <remarks>
/// Shapes: hs (B, T, H) → ys (B, T, V); W_hy (H, V), b_y (V).
/// <code>
///   y_t = h_t W_hy + b_y
///   ∂L/∂W_hy = Σ_t h_tᵀ ∂L/∂y_t     ∂L/∂b_y = Σ_t Σ_batch ∂L/∂y_t     ∂L/∂h_t = ∂L/∂y_t W_hyᵀ
/// </code>
/// No step depends on another, so this is one <see cref="Affine{T}"/> on hs seen as a (B·T, H) matrix.
/// </remarks>
public sealed class TimeAffine<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Affine<T> _affine;
    private (int Batch, int Time)? _shape;

    /// <summary>Wraps the given weights (not copied): W_hy (H, V) and b_y (V).</summary>
    public TimeAffine(NdArray<T> w, NdArray<T> b) => _affine = new Affine<T>(w, b);

    /// <summary>A time affine layer on existing parameters; <paramref name="transposed"/> for a tied W_e (V, H).</summary>
    public TimeAffine(Parameter<T> w, Parameter<T> b, bool transposed = false) => _affine = new Affine<T>(w, b, transposed);

    /// <summary>W_hy, b_y.</summary>
    public IReadOnlyList<Parameter<T>> Parameters => _affine.Parameters;

    #region Forward
    /// <summary>ys = hs W_hy + b_y for hs (B, T, H); returns ys (B, T, V).</summary>
    public NdArray<T> Forward(NdArray<T> hs)
    {
        ShapeCheck.Require(hs, nameof(hs), ShapeCheck.Any, ShapeCheck.Any, _affine.InputSize);
        var (batch, time) = (hs.Dim(0), hs.Dim(1));
        _shape = (batch, time);
        return _affine.Forward(hs.Reshape(batch * time, -1)).Reshape(batch, time, -1);
    }

    /// <summary>Takes ∂L/∂ys (B, T, V); adds to the gradients and returns ∂L/∂hs (B, T, H).</summary>
    public NdArray<T> Backward(NdArray<T> dys)
    {
        var (batch, time) = _shape ?? throw new InvalidOperationException("TimeAffine: call Forward before Backward.");
        ShapeCheck.Require(dys, nameof(dys), batch, time, _affine.OutputSize);
        return _affine.Backward(dys.Reshape(batch * time, -1)).Reshape(batch, time, -1);
    }
    #endregion
}
