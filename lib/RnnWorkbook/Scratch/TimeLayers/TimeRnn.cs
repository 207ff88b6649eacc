using System.Numerics;
using System.Numerics.Tensors;

namespace RnnWorkbook.Scratch;

/// <summary>
/// A vanilla RNN over T time steps: the <see cref="RnnCell{T}"/> equations applied at every step with the
/// same weights, the hidden state carried from one block of steps to the next (truncated BPTT).
/// </summary>
/// <remarks>
/// Shapes: xs (B, T, D) → hs (B, T, H); W_xh (D, H), W_hh (H, H), b (H).
/// <code>
///   h_t = tanh(x_t W_xh + h_{t-1} W_hh + b)                 t = 0 … T−1, h_{-1} = carried state or 0
///
///   backward, t = T−1 … 0, starting from ∂L/∂h_T = 0:
///   ∂L/∂a_t  = (∂L/∂h_t from above + ∂L/∂a_{t+1} W_hhᵀ) ⊙ (1 − h_t²)
///   ∂L/∂W_hh = Σ_t h_{t-1}ᵀ ∂L/∂a_t     ∂L/∂W_xh = Σ_t x_tᵀ ∂L/∂a_t     ∂L/∂b = Σ_t Σ_batch ∂L/∂a_t
///   ∂L/∂x_t  = ∂L/∂a_t W_xhᵀ            ∂L/∂h_{-1} = ∂L/∂a_0 W_hhᵀ   (kept in StateGradient)
/// </code>
/// <para>Truncated BPTT: when <see cref="Stateful"/>, the last state h_{T-1} becomes h_{-1} of the next
/// Forward, so the state flows across blocks, but Backward stops at the block's first step.</para>
/// <para>Speed: x_t W_xh + b does not depend on h_{t-1}, so it is computed for all steps at once as one
/// (B·T, D)·(D, H) product before the loop, and likewise ∂W_xh, ∂b and ∂x after it (PyTorch and cuDNN do
/// the same). Only h_{t-1} W_hh and its gradient stay inside the loop over time.</para>
/// </remarks>
public sealed class TimeRnn<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly NdArray<T> _wxh, _whh, _b, _dwxh, _dwhh, _db, _wxhT, _whhT;
    private NdArray<T>? _xs, _hs, _da, _dxs, _h0, _state, _dh;
    private bool _hasState;

    /// <summary>Wraps the given weights (not copied): W_xh (D, H), W_hh (H, H), b (H).</summary>
    public TimeRnn(NdArray<T> wxh, NdArray<T> whh, NdArray<T> b, bool stateful = true)
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
        Stateful = stateful;
    }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Params { get; }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Grads { get; }

    /// <summary>When true, each Forward starts from the state the previous one ended with (truncated BPTT).</summary>
    public bool Stateful { get; set; }

    /// <summary>The last hidden state h_{T-1} (B, H), or null after <see cref="ResetState"/>.</summary>
    public NdArray<T>? HiddenState => _hasState ? _state : null;

    /// <summary>∂L/∂h_{-1} (B, H) from the last Backward: what an encoder receives from its decoder.</summary>
    public NdArray<T>? StateGradient => _dh;

    /// <summary>Forgets the carried state: the next Forward starts from h_{-1} = 0.</summary>
    public void ResetState() => _hasState = false;

    /// <summary>Sets h_{-1} (B, H) for the next Forward (copied), e.g. a decoder starting from an encoder's state.</summary>
    public void SetState(NdArray<T> h)
    {
        ShapeCheck.Require(h, nameof(h), ShapeCheck.Any, _wxh.Dim(1));
        Buffers.Ensure(ref _state, h.Dim(0), h.Dim(1)).CopyFrom(h);
        _hasState = true;
    }

    /// <summary>Runs the RNN over xs (B, T, D) and returns every hidden state hs (B, T, H).</summary>
    public NdArray<T> Forward(NdArray<T> xs)
    {
        int d = _wxh.Dim(0), h = _wxh.Dim(1);
        ShapeCheck.Require(xs, nameof(xs), ShapeCheck.Any, ShapeCheck.Any, d);
        int batch = xs.Dim(0), time = xs.Dim(1), stride = time * h;
        var hs = Buffers.Ensure(ref _hs, batch, time, h);
        var h0 = Buffers.Ensure(ref _h0, batch, h);
        if (Stateful && _hasState)
        {
            if (_state!.Dim(0) != batch)
            {
                throw new ArgumentException(
                    $"xs: batch size {batch} does not match the carried hidden state {_state.ShapeText}; call ResetState() first.", nameof(xs));
            }

            h0.CopyFrom(_state);
        }
        else
        {
            h0.Clear();
        }

        // x_t W_xh + b for every step at once: xs seen as a (B·T, D) matrix.
        Gemm.Multiply<T>(batch * time, h, d, xs.Data, d, 1, _wxh.Data, h, hs.Data, h, accumulate: false);
        VectorOps.AddToEachRow<T>(hs.Data, batch * time, h, _b.Data);
        for (int t = 0; t < time; t++)
        {
            // hs[:, t] += h_{t-1} W_hh, then tanh; rows of step t are T·H apart.
            ReadOnlySpan<T> hPrev = t == 0 ? h0.Data : hs.Data.AsSpan((t - 1) * h);
            Gemm.Multiply<T>(batch, h, h, hPrev, t == 0 ? h : stride, 1, _whh.Data, h, hs.Data.AsSpan(t * h), stride, accumulate: true);
            for (int b = 0; b < batch; b++)
            {
                Span<T> row = hs.Data.AsSpan(b * stride + t * h, h);
                TensorPrimitives.Tanh<T>(row, row);
            }
        }

        var state = Buffers.Ensure(ref _state, batch, h);
        for (int b = 0; b < batch; b++)
        {
            hs.Data.AsSpan(b * stride + (time - 1) * h, h).CopyTo(state.Data.AsSpan(b * h, h));
        }

        _hasState = true;
        _xs = xs;
        return hs;
    }

    /// <summary>Takes ∂L/∂hs (B, T, H); fills the gradients and returns ∂L/∂xs (B, T, D).</summary>
    public NdArray<T> Backward(NdArray<T> dhs)
    {
        var xs = Buffers.Saved(_xs, nameof(TimeRnn<T>));
        var hs = _hs!;
        var h0 = _h0!;
        int batch = xs.Dim(0), time = xs.Dim(1), d = _wxh.Dim(0), h = _wxh.Dim(1), stride = time * h;
        ShapeCheck.Require(dhs, nameof(dhs), batch, time, h);
        var da = Buffers.Ensure(ref _da, batch, time, h);
        var dh = Buffers.Ensure(ref _dh, batch, h);
        Gemm.Transpose<T>(_whh.Data, h, h, _whhT.Data);
        dh.Clear();
        _dwhh.Clear();
        for (int t = time - 1; t >= 0; t--)
        {
            for (int b = 0; b < batch; b++)
            {
                int row = b * stride + t * h;
                Span<T> daRow = da.Data.AsSpan(row, h);
                TensorPrimitives.Add(dhs.Data.AsSpan(row, h), dh.Data.AsSpan(b * h, h), daRow);
                VectorOps.TanhBackward<T>(daRow, hs.Data.AsSpan(row, h), daRow);
            }

            // ∂L/∂W_hh += h_{t-1}ᵀ ∂L/∂a_t, then the gradient flowing into h_{t-1}.
            ReadOnlySpan<T> hPrev = t == 0 ? h0.Data : hs.Data.AsSpan((t - 1) * h);
            ReadOnlySpan<T> daT = da.Data.AsSpan(t * h);
            Gemm.Multiply(h, h, batch, hPrev, 1, t == 0 ? h : stride, daT, stride, _dwhh.Data, h, accumulate: true);
            Gemm.Multiply(batch, h, h, daT, stride, 1, _whhT.Data, h, dh.Data, h, accumulate: false);
        }

        // The input side for all steps at once: ∂W_xh = xsᵀ ∂a, ∂b = Σ ∂a, ∂xs = ∂a W_xhᵀ.
        Gemm.Multiply<T>(d, h, batch * time, xs.Data, 1, d, da.Data, h, _dwxh.Data, h, accumulate: false);
        _db.Clear();
        VectorOps.AddRowSums<T>(da.Data, batch * time, h, _db.Data);
        Gemm.Transpose<T>(_wxh.Data, d, h, _wxhT.Data);
        var dxs = Buffers.Ensure(ref _dxs, batch, time, d);
        Gemm.Multiply<T>(batch * time, d, h, da.Data, h, 1, _wxhT.Data, d, dxs.Data, d, accumulate: false);
        return dxs;
    }
}
