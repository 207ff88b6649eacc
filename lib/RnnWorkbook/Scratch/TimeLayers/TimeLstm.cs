using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// An LSTM over T time steps: one <see cref="LstmCell{T}"/> per step on the same weights, with (h, C) carried
/// from one block of steps to the next (truncated BPTT).
/// </summary>
/// <remarks>
/// Shapes: xs (B, T, D) → hs (B, T, H); W_x (D, 4H), W_h (H, 4H), b (4H), gate blocks f, g, i, o.
/// <code>
///   (h_t, C_t) = cell_t(x_t, h_{t-1}, C_{t-1})               t = 0 … T−1, (h_{-1}, C_{-1}) = carried or 0
///
///   backward, t = T−1 … 0, from ∂L/∂h_T = ∂L/∂C_T = 0:
///   (∂L/∂x_t, ∂L/∂h_{t-1}, ∂L/∂C_{t-1}) = cell_t.Backward(∂L/∂h_t from above + from step t+1, ∂L/∂C_t from step t+1)
/// </code>
/// The cell state gets no gradient from above: only h_t is an output. What does not depend on the order of
/// the steps is done for all of them at once: x_t W_x + b as one (B·T, D)·(D, 4H) product before the loop
/// (each cell starts from it, <see cref="LstmCell{T}.ForwardFromInput"/>), and after the backward loop
/// ∂L/∂W_x = Σ_t x_tᵀ ∂L/∂a_t, ∂L/∂W_h = Σ_t h_{t-1}ᵀ ∂L/∂a_t, ∂L/∂b and ∂L/∂x_t = ∂L/∂a_t W_xᵀ as one product each.
/// Only h_{t-1} W_h and ∂L/∂a_t W_hᵀ remain step by step.
/// </remarks>
public sealed class TimeLstm<T> : IRecurrentLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T> _wx, _wh, _b;
    private readonly List<LstmCell<T>> _cells = [];
    private readonly CarriedState<T> _carried;
    private NdArray<T>? _dh, _dc, _xs, _hPrevs;
    private int _time = -1, _batch;

    /// <summary>Wraps the given weights (not copied): W_x (D, 4H), W_h (H, 4H), b (4H).</summary>
    public TimeLstm(NdArray<T> wx, NdArray<T> wh, NdArray<T> b, bool stateful = true)
        : this(new Parameter<T>("W_x", wx), new Parameter<T>("W_h", wh), new Parameter<T>("b", b), stateful)
    {
    }

    /// <summary>A time LSTM on existing parameters.</summary>
    public TimeLstm(Parameter<T> wx, Parameter<T> wh, Parameter<T> b, bool stateful = true)
    {
        _ = new LstmCell<T>(wx, wh, b); // checks the shapes
        (_wx, _wh, _b) = (wx, wh, b);
        Parameters = [wx, wh, b];
        Stateful = stateful;
        _carried = new CarriedState<T>(HiddenSize, hasCell: true);
    }

    /// <summary>W_x, W_h, b.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <inheritdoc/>
    public bool Stateful { get; set; }

    /// <inheritdoc/>
    public int InputSize => _wx.Value.Dim(0);

    /// <inheritdoc/>
    public int HiddenSize => _wh.Value.Dim(0);

    /// <summary>The last hidden state h_{T-1} (B, H), or null after <see cref="ResetState"/>.</summary>
    public NdArray<T>? HiddenState => _carried.Hidden;

    /// <summary>The last cell state C_{T-1} (B, H), or null after <see cref="ResetState"/>.</summary>
    public NdArray<T>? CellState => _carried.Cell;

    /// <summary>∂L/∂h_{-1} (B, H) from the last Backward.</summary>
    public NdArray<T>? StateGradient => _dh;

    /// <summary>∂L/∂C_{-1} (B, H) from the last Backward.</summary>
    public NdArray<T>? CellStateGradient => _dc;

    /// <summary>The cells of the last Forward, one per step (their gates, for statistics).</summary>
    public IReadOnlyList<LstmCell<T>> Cells => _cells.GetRange(0, Math.Max(_time, 0));

    /// <inheritdoc/>
    public void ResetState() => _carried.Reset();

    /// <summary>Sets (h_{-1}, C_{-1}) (B, H) for the next Forward (copied).</summary>
    public void SetState(NdArray<T> h, NdArray<T> c) => _carried.Set(h, c);

    #region Forward
    /// <summary>Runs the LSTM over xs (B, T, D) and returns every hidden state hs (B, T, H).</summary>
    public NdArray<T> Forward(NdArray<T> xs)
    {
        ShapeCheck.Require(xs, nameof(xs), ShapeCheck.Any, ShapeCheck.Any, InputSize);
        int batch = xs.Dim(0), time = xs.Dim(1);
        NdArray<T> h = _carried.StartHidden(batch, Stateful), c = _carried.StartCell(batch, Stateful);
        var xws = xs.MatMul(_wx.Value) + _b.Value;               // (B, T, 4H): x_t W_x + b of every step at once
        var hs = Nd.Empty<T>(batch, time, HiddenSize);
        var hPrevs = Nd.Empty<T>(batch, time, HiddenSize);       // h_{t-1} of every step, for ∂L/∂W_h
        for (int t = 0; t < time; t++)
        {
            hPrevs.SetStep(t, h);
            (h, c) = Cell(t).ForwardFromInput(xws.Step(t), h, c);
            hs.SetStep(t, h);
        }

        _carried.Keep(h, c);
        (_xs, _hPrevs, _time, _batch) = (xs, hPrevs, time, batch);
        return hs;
    }
    #endregion

    #region Backward
    /// <summary>Takes ∂L/∂hs (B, T, H); adds to the gradients and returns ∂L/∂xs (B, T, D).</summary>
    public NdArray<T> Backward(NdArray<T> dhs)
    {
        if (_time < 0)
        {
            throw new InvalidOperationException("TimeLstm: call Forward before Backward.");
        }

        ShapeCheck.Require(dhs, nameof(dhs), _batch, _time, HiddenSize);
        var das = Nd.Empty<T>(_batch, _time, 4 * HiddenSize);    // ∂L/∂a_t of every step
        var dh = Nd.Zeros<T>(_batch, HiddenSize);
        var dc = Nd.Zeros<T>(_batch, HiddenSize);
        for (int t = _time - 1; t >= 0; t--)
        {
            var (da, dhPrev, dcPrev) = _cells[t].BackwardToInput(dhs.Step(t) + dh, dc);
            das.SetStep(t, da);
            (dh, dc) = (dhPrev, dcPrev);
        }

        // The products with ∂L/∂a_t, summed over the steps as one product each.
        _wx.AddGradient(_xs!.T().MatMul(das));
        _wh.AddGradient(_hPrevs!.T().MatMul(das));
        _b.AddGradient(das.Sum(axis: 0));
        var dxs = das.MatMul(_wx.Value.T());

        (_dh, _dc) = (dh.Clone(), dc.Clone());
        return dxs;
    }
    #endregion

    private LstmCell<T> Cell(int t)
    {
        while (_cells.Count <= t)
        {
            _cells.Add(new LstmCell<T>(_wx, _wh, _b));
        }

        return _cells[t];
    }
}
