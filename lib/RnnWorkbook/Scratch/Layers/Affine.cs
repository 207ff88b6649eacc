using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>A fully connected layer on a batch of vectors: the output projection of the chapters.</summary>
/// <remarks>
/// Shapes: x (N, H) → y (N, V); W_hy (H, V), b_y (V).
/// <code>
///   y = x W_hy + b_y
///   ∂L/∂W_hy = xᵀ ∂L/∂y     ∂L/∂b_y = Σ_n ∂L/∂y[n]     ∂L/∂x = ∂L/∂y W_hyᵀ
/// </code>
/// </remarks>
public sealed class Affine<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly NdArray<T> _w, _b, _dw, _db, _wT;
    private NdArray<T>? _x, _y, _dx;

    /// <summary>Wraps the given weights (not copied): W_hy of shape (H, V) and b_y of shape (V).</summary>
    public Affine(NdArray<T> w, NdArray<T> b)
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

    /// <summary>y = x W_hy + b_y for x of shape (N, H); returns y (N, V).</summary>
    public NdArray<T> Forward(NdArray<T> x)
    {
        int h = _w.Dim(0), v = _w.Dim(1);
        ShapeCheck.Require(x, nameof(x), ShapeCheck.Any, h);
        int n = x.Dim(0);
        var y = Buffers.Ensure(ref _y, n, v);
        Gemm.Multiply<T>(n, v, h, x.Data, h, 1, _w.Data, v, y.Data, v, accumulate: false);
        VectorOps.AddToEachRow<T>(y.Data, n, v, _b.Data);
        _x = x;
        return y;
    }

    /// <summary>Takes ∂L/∂y (N, V); fills ∂L/∂W_hy, ∂L/∂b_y and returns ∂L/∂x (N, H).</summary>
    public NdArray<T> Backward(NdArray<T> dy)
    {
        var x = Buffers.Saved(_x, nameof(Affine<T>));
        int n = x.Dim(0), h = _w.Dim(0), v = _w.Dim(1);
        ShapeCheck.Require(dy, nameof(dy), n, v);
        Gemm.Multiply<T>(h, v, n, x.Data, 1, h, dy.Data, v, _dw.Data, v, accumulate: false);
        _db.Clear();
        VectorOps.AddRowSums<T>(dy.Data, n, v, _db.Data);
        Gemm.Transpose<T>(_w.Data, h, v, _wT.Data);
        var dx = Buffers.Ensure(ref _dx, n, h);
        Gemm.Multiply<T>(n, h, v, dy.Data, v, 1, _wT.Data, h, dx.Data, h, accumulate: false);
        return dx;
    }
}
