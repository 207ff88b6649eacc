using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// A vanilla RNN over T time steps: one <see cref="RnnCell{T}"/> per step, all on the same weights, the
/// hidden state carried from one block of steps to the next (truncated BPTT).
/// </summary>
/// <remarks>
/// Shapes: xs (B, T, D) → hs (B, T, H); W_xh (D, H), W_hh (H, H), b (H).
/// <code>
///   h_t = tanh(x_t W_xh + h_{t-1} W_hh + b)                 t = 0 … T−1, h_{-1} = carried state or 0
///
///   backward, t = T−1 … 0, starting from ∂L/∂h_T = 0:
///   (∂L/∂x_t, ∂L/∂h_{t-1}) = cell_t.Backward(∂L/∂h_t from above + ∂L/∂h_t from step t+1)
///   ∂L/∂W = Σ_t (the part cell t adds)          ∂L/∂h_{-1} is kept in StateGradient
/// </code>
/// <para>Truncated BPTT: when <see cref="Stateful"/>, the last state h_{T-1} becomes h_{-1} of the next
/// Forward, so the state flows across blocks, but Backward stops at the block's first step.</para>
/// </remarks>
public sealed class TimeRnn<T> : IRecurrentLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T> _wxh, _whh, _b;
    private readonly List<RnnCell<T>> _cells = [];
    private readonly CarriedState<T> _carried;
    private NdArray<T>? _dh;
    private int _time = -1, _batch;

    /// <summary>Wraps the given weights (not copied): W_xh (D, H), W_hh (H, H), b (H).</summary>
    public TimeRnn(NdArray<T> wxh, NdArray<T> whh, NdArray<T> b, bool stateful = true)
        : this(new Parameter<T>("W_xh", wxh), new Parameter<T>("W_hh", whh), new Parameter<T>("b", b), stateful)
    {
    }

    /// <summary>A time RNN on existing parameters.</summary>
    public TimeRnn(Parameter<T> wxh, Parameter<T> whh, Parameter<T> b, bool stateful = true)
    {
        _ = new RnnCell<T>(wxh, whh, b); // checks the shapes
        (_wxh, _whh, _b) = (wxh, whh, b);
        Parameters = [wxh, whh, b];
        Stateful = stateful;
        _carried = new CarriedState<T>(HiddenSize, hasCell: false);
    }

    /// <summary>W_xh, W_hh, b.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <inheritdoc/>
    public bool Stateful { get; set; }

    /// <inheritdoc/>
    public int InputSize => _wxh.Value.Dim(0);

    /// <inheritdoc/>
    public int HiddenSize => _wxh.Value.Dim(1);

    /// <summary>The last hidden state h_{T-1} (B, H), or null after <see cref="ResetState"/>.</summary>
    public NdArray<T>? HiddenState => _carried.Hidden;

    /// <summary>∂L/∂h_{-1} (B, H) from the last Backward: what an encoder receives from its decoder.</summary>
    public NdArray<T>? StateGradient => _dh;

    /// <summary>Forgets the carried state: the next Forward starts from h_{-1} = 0.</summary>
    public void ResetState() => _carried.Reset();

    /// <summary>Sets h_{-1} (B, H) for the next Forward (copied), e.g. a decoder starting from an encoder's state.</summary>
    public void SetState(NdArray<T> h) => _carried.Set(h);

    #region Forward
    /// <summary>Runs the RNN over xs (B, T, D) and returns every hidden state hs (B, T, H).</summary>
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
            throw new InvalidOperationException("TimeRnn: call Forward before Backward.");
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

    private RnnCell<T> Cell(int t)
    {
        while (_cells.Count <= t)
        {
            _cells.Add(new RnnCell<T>(_wxh, _whh, _b));
        }

        return _cells[t];
    }
}
