using System.Numerics;
using System.Numerics.Tensors;

namespace RnnWorkbook.Scratch;

/// <summary>One step of a vanilla (Elman) RNN: a new hidden state from the input and the previous state.</summary>
/// <remarks>
/// Shapes: x_t (B, D), h_{t-1} (B, H) → h_t (B, H); W_xh (D, H), W_hh (H, H), b (H).
/// <code>
///   a_t = x_t W_xh + h_{t-1} W_hh + b
///   h_t = tanh(a_t)
///
///   ∂L/∂a_t     = ∂L/∂h_t ⊙ (1 − h_t²)
///   ∂L/∂W_xh    = x_tᵀ ∂L/∂a_t          ∂L/∂W_hh = h_{t-1}ᵀ ∂L/∂a_t      ∂L/∂b = Σ_batch ∂L/∂a_t
///   ∂L/∂x_t     = ∂L/∂a_t W_xhᵀ         ∂L/∂h_{t-1} = ∂L/∂a_t W_hhᵀ
/// </code>
/// <see cref="TimeRnn{T}"/> runs the same equations over T steps with shared weights.
/// </remarks>
public sealed class RnnCell<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly NdArray<T> _wxh, _whh, _b, _dwxh, _dwhh, _db, _wxhT, _whhT;
    private NdArray<T>? _x, _hPrev, _hNext, _da, _dx, _dhPrev;

    /// <summary>Wraps the given weights (not copied): W_xh (D, H), W_hh (H, H), b (H).</summary>
    public RnnCell(NdArray<T> wxh, NdArray<T> whh, NdArray<T> b)
    {
        ShapeCheck.Require(wxh, nameof(wxh), ShapeCheck.Any, ShapeCheck.Any);
        int d = wxh.Dim(0), h = wxh.Dim(1);
        ShapeCheck.Require(whh, nameof(whh), h, h);
        ShapeCheck.Require(b, nameof(b), h);
        (_wxh, _whh, _b) = (wxh, whh, b);
        (_dwxh, _dwhh, _db) = (new NdArray<T>(d, h), new NdArray<T>(h, h), new NdArray<T>(h));
        (_wxhT, _whhT) = (new NdArray<T>(h, d), new NdArray<T>(h, h));
        Params = [_wxh, _whh, _b];
        Grads = [_dwxh, _dwhh, _db];
    }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Params { get; }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Grads { get; }

    /// <summary>h_t = tanh(x_t W_xh + h_{t-1} W_hh + b) for x_t (B, D) and h_{t-1} (B, H).</summary>
    public NdArray<T> Forward(NdArray<T> x, NdArray<T> hPrev)
    {
        int d = _wxh.Dim(0), h = _wxh.Dim(1);
        ShapeCheck.Require(x, nameof(x), ShapeCheck.Any, d);
        int batch = x.Dim(0);
        ShapeCheck.Require(hPrev, nameof(hPrev), batch, h);
        var hNext = Buffers.Ensure(ref _hNext, batch, h);
        Gemm.Multiply<T>(batch, h, d, x.Data, d, 1, _wxh.Data, h, hNext.Data, h, accumulate: false);
        Gemm.Multiply<T>(batch, h, h, hPrev.Data, h, 1, _whh.Data, h, hNext.Data, h, accumulate: true);
        VectorOps.AddToEachRow<T>(hNext.Data, batch, h, _b.Data);
        TensorPrimitives.Tanh<T>(hNext.Data, hNext.Data);
        (_x, _hPrev) = (x, hPrev);
        return hNext;
    }

    /// <summary>Takes ∂L/∂h_t (B, H); fills the gradients and returns (∂L/∂x_t, ∂L/∂h_{t-1}).</summary>
    public (NdArray<T> Dx, NdArray<T> DhPrev) Backward(NdArray<T> dhNext)
    {
        var x = Buffers.Saved(_x, nameof(RnnCell<T>));
        var hPrev = Buffers.Saved(_hPrev, nameof(RnnCell<T>));
        var hNext = Buffers.Saved(_hNext, nameof(RnnCell<T>));
        int batch = x.Dim(0), d = _wxh.Dim(0), h = _wxh.Dim(1);
        ShapeCheck.Require(dhNext, nameof(dhNext), batch, h);

        var da = Buffers.Ensure(ref _da, batch, h);
        VectorOps.TanhBackward<T>(dhNext.Data, hNext.Data, da.Data);
        _db.Clear();
        VectorOps.AddRowSums<T>(da.Data, batch, h, _db.Data);
        Gemm.Multiply<T>(d, h, batch, x.Data, 1, d, da.Data, h, _dwxh.Data, h, accumulate: false);
        Gemm.Multiply<T>(h, h, batch, hPrev.Data, 1, h, da.Data, h, _dwhh.Data, h, accumulate: false);

        Gemm.Transpose<T>(_wxh.Data, d, h, _wxhT.Data);
        Gemm.Transpose<T>(_whh.Data, h, h, _whhT.Data);
        var dx = Buffers.Ensure(ref _dx, batch, d);
        var dhPrev = Buffers.Ensure(ref _dhPrev, batch, h);
        Gemm.Multiply<T>(batch, d, h, da.Data, h, 1, _wxhT.Data, d, dx.Data, d, accumulate: false);
        Gemm.Multiply<T>(batch, h, h, da.Data, h, 1, _whhT.Data, h, dhPrev.Data, h, accumulate: false);
        return (dx, dhPrev);
    }
}
