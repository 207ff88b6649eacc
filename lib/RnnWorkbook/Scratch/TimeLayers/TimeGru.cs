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
/// </remarks>
public sealed class TimeGru<T> : IRecurrentLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T> _wx, _wh, _b, _bh;
    private readonly List<GruCell<T>> _cells = [];
    private readonly CarriedState<T> _carried;
    private NdArray<T>? _dh;
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
        var hs = Nd.Empty<T>(batch, time, HiddenSize);
        for (int t = 0; t < time; t++)
        {
            h = Cell(t).Forward(xs.Step(t), h);
            hs.SetStep(t, h);
        }

        _carried.Keep(h);
        (_time, _batch) = (time, batch);
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
        var dxs = Nd.Empty<T>(_batch, _time, InputSize);
        var dh = Nd.Zeros<T>(_batch, HiddenSize);
        for (int t = _time - 1; t >= 0; t--)
        {
            var (dx, dhPrev) = _cells[t].Backward(dhs.Step(t) + dh);
            dxs.SetStep(t, dx);
            dh = dhPrev;
        }

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
