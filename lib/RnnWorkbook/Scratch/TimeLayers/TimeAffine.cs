using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>The output projection applied at every time step: hidden states to scores over the vocabulary.</summary>
/// <remarks>
/// Shapes: hs (B, T, H) → ys (B, T, V); W_hy (H, V), b_y (V).
/// <code>
///   y_t = h_t W_hy + b_y
///   ∂L/∂W_hy = Σ_t h_tᵀ ∂L/∂y_t     ∂L/∂b_y = Σ_t Σ_batch ∂L/∂y_t     ∂L/∂h_t = ∂L/∂y_t W_hyᵀ
/// </code>
/// No step depends on another, so hs is treated as one (B·T, H) matrix and each line is one product.
/// </remarks>
public sealed class TimeAffine<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly NdArray<T> _w, _b, _dw, _db, _wT;
    private NdArray<T>? _hs, _ys, _dhs;

    /// <summary>Wraps the given weights (not copied): W_hy (H, V) and b_y (V).</summary>
    public TimeAffine(NdArray<T> w, NdArray<T> b)
    {
        ShapeCheck.Require(w, nameof(w), ShapeCheck.Any, ShapeCheck.Any);
        ShapeCheck.Require(b, nameof(b), w.Dim(1));
        (_w, _b) = (w, b);
        (_dw, _db) = (new NdArray<T>(w.Dim(0), w.Dim(1)), new NdArray<T>(w.Dim(1)));
        _wT = new NdArray<T>(w.Dim(1), w.Dim(0));
        Params = [_w, _b];
        Grads = [_dw, _db];
    }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Params { get; }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Grads { get; }

    /// <summary>ys = hs W_hy + b_y for hs (B, T, H); returns ys (B, T, V).</summary>
    public NdArray<T> Forward(NdArray<T> hs)
    {
        int h = _w.Dim(0), v = _w.Dim(1);
        ShapeCheck.Require(hs, nameof(hs), ShapeCheck.Any, ShapeCheck.Any, h);
        int rows = hs.Dim(0) * hs.Dim(1);
        var ys = Buffers.Ensure(ref _ys, hs.Dim(0), hs.Dim(1), v);
        Gemm.Multiply<T>(rows, v, h, hs.Data, h, 1, _w.Data, v, ys.Data, v, accumulate: false);
        VectorOps.AddToEachRow<T>(ys.Data, rows, v, _b.Data);
        _hs = hs;
        return ys;
    }

    /// <summary>Takes ∂L/∂ys (B, T, V); fills the gradients and returns ∂L/∂hs (B, T, H).</summary>
    public NdArray<T> Backward(NdArray<T> dys)
    {
        var hs = Buffers.Saved(_hs, nameof(TimeAffine<T>));
        int h = _w.Dim(0), v = _w.Dim(1), rows = hs.Dim(0) * hs.Dim(1);
        ShapeCheck.Require(dys, nameof(dys), hs.Dim(0), hs.Dim(1), v);
        Gemm.Multiply<T>(h, v, rows, hs.Data, 1, h, dys.Data, v, _dw.Data, v, accumulate: false);
        _db.Clear();
        VectorOps.AddRowSums<T>(dys.Data, rows, v, _db.Data);
        Gemm.Transpose<T>(_w.Data, h, v, _wT.Data);
        var dhs = Buffers.Ensure(ref _dhs, hs.Dim(0), hs.Dim(1), h);
        Gemm.Multiply<T>(rows, h, v, dys.Data, v, 1, _wT.Data, h, dhs.Data, h, accumulate: false);
        return dhs;
    }
}
