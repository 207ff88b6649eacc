using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// A GRU over T time steps: one <see cref="GruCell{T}"/> per step on the same weights, the hidden state carried
/// from one block of steps to the next (truncated BPTT).
/// </summary>
/// <remarks>
/// Shapes: xs (B, T, D) → hs (B, T, H); W_x (D, 3H), W_h (H, 3H), b (3H), b_h (H), gate blocks z, r, h̃.
/// <code>
///   h_t = cell_t(x_t, h_{t-1}) = z_t ⊙ h_{t-1} + (1 − z_t) ⊙ h̃_t       t = 0 … T−1, h_{-1} = carried or 0
///   backward, t = T−1 … 0: (∂L/∂x_t, ∂L/∂h_{t-1}) = cell_t.Backward(∂L/∂h_t from above + from step t+1)
/// </code>
/// What does not depend on the order of the steps is done for all of them at once: x_t W_x + b as one
/// (B·T, D)·(D, 3H) product before the loop (each cell starts from it, <see cref="GruCell{T}.ForwardFromInput"/>),
/// and after the backward loop ∂L/∂W_x, ∂L/∂b, ∂L/∂x_t, ∂L/∂W_h = Σ_t h_{t-1}ᵀ ∂L/∂a_h,t and ∂L/∂b_h as one
/// product or sum each. Only h_{t-1} W_h and ∂L/∂a_h,t W_hᵀ remain step by step.
/// </remarks>
public sealed class TimeGru<T> : IRecurrentLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T> _wx, _wh, _b, _bh;
    private readonly List<GruCell<T>> _cells = [];
    private readonly CarriedState<T> _carried;
    private NdArray<T>? _dh, _xs, _hPrevs;
    private int _time = -1, _batch;

    /// <summary>Wraps the given weights (not copied): W_x (D, 3H), W_h (H, 3H), b (3H), b_h (H).</summary>
    public TimeGru(NdArray<T> wx, NdArray<T> wh, NdArray<T> b, NdArray<T> bh, bool stateful = true)
        : this(new Parameter<T>("W_x", wx), new Parameter<T>("W_h", wh), new Parameter<T>("b", b), new Parameter<T>("b_h", bh), stateful)
    {
    }

    /// <summary>A time GRU on existing parameters.</summary>
    public TimeGru(Parameter<T> wx, Parameter<T> wh, Parameter<T> b, Parameter<T> bh, bool stateful = true)
    {
        _ = new GruCell<T>(wx, wh, b, bh); // checks the shapes
        (_wx, _wh, _b, _bh) = (wx, wh, b, bh);
        Parameters = [wx, wh, b, bh];
        Stateful = stateful;
        _carried = new CarriedState<T>(HiddenSize, hasCell: false);
    }

    /// <summary>W_x, W_h, b, b_h.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <inheritdoc/>
    public bool Stateful { get; set; }

    /// <inheritdoc/>
    public int InputSize => _wx.Value.Dim(0);

    /// <inheritdoc/>
    public int HiddenSize => _wh.Value.Dim(0);

    /// <summary>The last hidden state h_{T-1} (B, H), or null after <see cref="ResetState"/>.</summary>
    public NdArray<T>? HiddenState => _carried.Hidden;

    /// <summary>∂L/∂h_{-1} (B, H) from the last Backward.</summary>
    public NdArray<T>? StateGradient => _dh;

    /// <summary>The cells of the last Forward, one per step (their gates, for statistics).</summary>
    public IReadOnlyList<GruCell<T>> Cells => _cells.GetRange(0, Math.Max(_time, 0));

    /// <inheritdoc/>
    public void ResetState() => _carried.Reset();

    /// <summary>Sets h_{-1} (B, H) for the next Forward (copied).</summary>
    public void SetState(NdArray<T> h) => _carried.Set(h);

    #region Forward
    /// <summary>Runs the GRU over xs (B, T, D) and returns every hidden state hs (B, T, H).</summary>
    public NdArray<T> Forward(NdArray<T> xs)
    {
        ShapeCheck.Require(xs, nameof(xs), ShapeCheck.Any, ShapeCheck.Any, InputSize);
        int batch = xs.Dim(0), time = xs.Dim(1);
        var h = _carried.StartHidden(batch, Stateful);
        var axs = xs.MatMul(_wx.Value) + _b.Value;               // (B, T, 3H): x_t W_x + b of every step at once
        var hs = Nd.Empty<T>(batch, time, HiddenSize);
        var hPrevs = Nd.Empty<T>(batch, time, HiddenSize);       // h_{t-1} of every step, for ∂L/∂W_h
        for (int t = 0; t < time; t++)
        {
            hPrevs.SetStep(t, h);
            h = Cell(t).ForwardFromInput(axs.Step(t), h);
            hs.SetStep(t, h);
        }

        _carried.Keep(h);
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
            throw new InvalidOperationException("TimeGru: call Forward before Backward.");
        }

        ShapeCheck.Require(dhs, nameof(dhs), _batch, _time, HiddenSize);
        int H = HiddenSize;
        var daxs = Nd.Empty<T>(_batch, _time, 3 * H);            // ∂L/∂a_x of every step
        var dahs = Nd.Empty<T>(_batch, _time, 3 * H);            // ∂L/∂a_h of every step
        var dh = Nd.Zeros<T>(_batch, H);
        for (int t = _time - 1; t >= 0; t--)
        {
            var (dax, dah, dhPrev) = _cells[t].BackwardToInput(dhs.Step(t) + dh);
            daxs.SetStep(t, dax);
            dahs.SetStep(t, dah);
            dh = dhPrev;
        }

        // The products with ∂L/∂a_x and ∂L/∂a_h, summed over the steps as one product each.
        _wx.AddGradient(_xs!.T().MatMul(daxs));
        _b.AddGradient(daxs.Sum(axis: 0));
        _wh.AddGradient(_hPrevs!.T().MatMul(dahs));
        _bh.AddGradient(dahs.Reshape(_batch * _time, 3 * H).Cols(2 * H, 3 * H).Sum(axis: 0));
        var dxs = daxs.MatMul(_wx.Value.T());

        _dh = dh.Clone();
        return dxs;
    }
    #endregion

    private GruCell<T> Cell(int t)
    {
        while (_cells.Count <= t)
        {
            _cells.Add(new GruCell<T>(_wx, _wh, _b, _bh));
        }

        return _cells[t];
    }
}
