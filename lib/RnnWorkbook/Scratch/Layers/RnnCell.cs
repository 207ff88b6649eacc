using System.Numerics;

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
/// Cells may share their parameters: <see cref="TimeRnn{T}"/> runs one cell per time step on the same
/// W_xh, W_hh, b, and each cell's Backward adds its part to their gradients.
/// </remarks>
public sealed class RnnCell<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T> _wxh, _whh, _b;
    private (NdArray<T> X, NdArray<T> HPrev, NdArray<T> HNext)? _cache;

    /// <summary>Wraps the given weights (not copied): W_xh (D, H), W_hh (H, H), b (H).</summary>
    public RnnCell(NdArray<T> wxh, NdArray<T> whh, NdArray<T> b)
        : this(new Parameter<T>("W_xh", wxh), new Parameter<T>("W_hh", whh), new Parameter<T>("b", b))
    {
    }

    /// <summary>A cell on existing parameters, shared with other cells or layers.</summary>
    public RnnCell(Parameter<T> wxh, Parameter<T> whh, Parameter<T> b)
    {
        ArgumentNullException.ThrowIfNull(wxh);
        ArgumentNullException.ThrowIfNull(whh);
        ArgumentNullException.ThrowIfNull(b);
        ShapeCheck.Require(wxh.Value, nameof(wxh), ShapeCheck.Any, ShapeCheck.Any);
        int h = wxh.Value.Dim(1);
        ShapeCheck.Require(whh.Value, nameof(whh), h, h);
        ShapeCheck.Require(b.Value, nameof(b), h);
        (_wxh, _whh, _b) = (wxh, whh, b);
        Parameters = [wxh, whh, b];
    }

    /// <summary>W_xh, W_hh, b.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>D, the input size.</summary>
    public int InputSize => _wxh.Value.Dim(0);

    /// <summary>H, the hidden size.</summary>
    public int HiddenSize => _wxh.Value.Dim(1);

    #region Forward
    /// <summary>h_t = tanh(x_t W_xh + h_{t-1} W_hh + b) for x_t (B, D) and h_{t-1} (B, H).</summary>
    public NdArray<T> Forward(NdArray<T> x, NdArray<T> hPrev)
    {
        ShapeCheck.Require(x, nameof(x), ShapeCheck.Any, InputSize);
        ShapeCheck.Require(hPrev, nameof(hPrev), x.Dim(0), HiddenSize);
        var (wx, wh, b) = (_wxh.Value, _whh.Value, _b.Value);
        StartPass();

        var hNext = (x.MatMul(wx) + hPrev.MatMul(wh) + b).Tanh();

        _cache = (x, hPrev, hNext);
        return hNext;
    }
    #endregion

    #region Backward
    /// <summary>Takes ∂L/∂h_t (B, H); adds to the gradients and returns (∂L/∂x_t, ∂L/∂h_{t-1}).</summary>
    public (NdArray<T> Dx, NdArray<T> DhPrev) Backward(NdArray<T> dhNext)
    {
        var (x, hPrev, hNext) = _cache ?? throw new InvalidOperationException("RnnCell: call Forward before Backward.");
        ShapeCheck.Require(dhNext, nameof(dhNext), x.Dim(0), HiddenSize);
        var (wx, wh) = (_wxh.Value, _whh.Value);

        var da = dhNext * (T.One - hNext * hNext);
        _wxh.AddGradient(x.T().MatMul(da));
        _whh.AddGradient(hPrev.T().MatMul(da));
        _b.AddGradient(da.Sum(axis: 0));
        var dx = da.MatMul(wx.T());
        var dhPrev = da.MatMul(wh.T());

        return (dx, dhPrev);
    }
    #endregion

    private void StartPass()
    {
        _wxh.StartPass();
        _whh.StartPass();
        _b.StartPass();
    }
}
