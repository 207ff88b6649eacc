using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>One step of an LSTM (Hochreiter &amp; Schmidhuber 1997, with the forget gate of Gers et al. 2000).</summary>
/// <remarks>
/// Shapes: x_t (B, D), h_{t-1} (B, H), C_{t-1} (B, H) → h_t (B, H), C_t (B, H); W_x (D, 4H), W_h (H, 4H), b (4H).
/// The four gate blocks sit side by side in one matrix, in the book's order f, g, i, o:
/// <code>
///   a_t  = x_t W_x + h_{t-1} W_h + b                          (B, 4H) = [a_f | a_g | a_i | a_o]
///   f_t  = σ(a_f)     forget gate (망각 게이트)
///   C̃_t  = tanh(a_g)  candidate cell state
///   i_t  = σ(a_i)     input gate (입력 게이트)
///   o_t  = σ(a_o)     output gate (출력 게이트)
///   C_t  = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t                         cell state (셀 상태)
///   h_t  = o_t ⊙ tanh(C_t)
/// </code>
/// This is the chapter's f_t = σ(W_f·[h_{t−1}, x_t] + b_f) with W_f = [W_h,f ; W_x,f] split into its h and x rows.
/// Backward, from ∂L/∂h_t and ∂L/∂C_t (what step t+1 sends back):
/// <code>
///   ∂L/∂C_t  += ∂L/∂h_t ⊙ o_t ⊙ (1 − tanh²(C_t))
///   ∂L/∂C_{t-1} = ∂L/∂C_t ⊙ f_t                               the constant error carousel: only ⊙ f_t
///   ∂L/∂f_t = ∂L/∂C_t ⊙ C_{t-1}    ∂L/∂C̃_t = ∂L/∂C_t ⊙ i_t    ∂L/∂i_t = ∂L/∂C_t ⊙ C̃_t    ∂L/∂o_t = ∂L/∂h_t ⊙ tanh(C_t)
///   ∂L/∂a_t = [∂f ⊙ f(1−f) | ∂C̃ ⊙ (1−C̃²) | ∂i ⊙ i(1−i) | ∂o ⊙ o(1−o)]
///   ∂L/∂W_x = x_tᵀ ∂L/∂a_t    ∂L/∂W_h = h_{t-1}ᵀ ∂L/∂a_t    ∂L/∂b = Σ_batch ∂L/∂a_t
///   ∂L/∂x_t = ∂L/∂a_t W_xᵀ    ∂L/∂h_{t-1} = ∂L/∂a_t W_hᵀ
/// </code>
/// TorchSharp's nn.LSTM orders the blocks i, f, g, o and stores (4H, D) matrices with two biases; the weight
/// copy re-orders and transposes them.
/// </remarks>
public sealed class LstmCell<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T> _wx, _wh, _b;
    private Cache? _cache;
    private NdArray<T>? _x;

    /// <summary>Wraps the given weights (not copied): W_x (D, 4H), W_h (H, 4H), b (4H).</summary>
    public LstmCell(NdArray<T> wx, NdArray<T> wh, NdArray<T> b)
        : this(new Parameter<T>("W_x", wx), new Parameter<T>("W_h", wh), new Parameter<T>("b", b))
    {
    }

    /// <summary>A cell on existing parameters, shared with other cells (the steps of <see cref="TimeLstm{T}"/>).</summary>
    public LstmCell(Parameter<T> wx, Parameter<T> wh, Parameter<T> b)
    {
        ArgumentNullException.ThrowIfNull(wx);
        ArgumentNullException.ThrowIfNull(wh);
        ArgumentNullException.ThrowIfNull(b);
        ShapeCheck.Require(wh.Value, nameof(wh), ShapeCheck.Any, ShapeCheck.Any);
        int h = wh.Value.Dim(0);
        ShapeCheck.Require(wh.Value, nameof(wh), h, 4 * h);
        ShapeCheck.Require(wx.Value, nameof(wx), ShapeCheck.Any, 4 * h);
        ShapeCheck.Require(b.Value, nameof(b), 4 * h);
        (_wx, _wh, _b) = (wx, wh, b);
        Parameters = [wx, wh, b];
    }

    /// <summary>W_x, W_h, b.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>D, the input size.</summary>
    public int InputSize => _wx.Value.Dim(0);

    /// <summary>H, the hidden size.</summary>
    public int HiddenSize => _wh.Value.Dim(0);

    /// <summary>The gate values of the last Forward (B, H) each: for gate statistics and the chapter's plots.</summary>
    public (NdArray<T> F, NdArray<T> G, NdArray<T> I, NdArray<T> O) Gates =>
        _cache is { } c ? (c.F, c.G, c.I, c.O) : throw new InvalidOperationException("LstmCell: call Forward first.");

    #region Forward
    /// <summary>(h_t, C_t) from x_t (B, D), h_{t-1} (B, H) and C_{t-1} (B, H).</summary>
    public (NdArray<T> H, NdArray<T> C) Forward(NdArray<T> x, NdArray<T> hPrev, NdArray<T> cPrev)
    {
        ShapeCheck.Require(x, nameof(x), ShapeCheck.Any, InputSize);
        var (h, c) = ForwardFromInput(x.MatMul(_wx.Value) + _b.Value, hPrev, cPrev);
        _x = x;
        return (h, c);
    }

    /// <summary>
    /// The same step from its input part xW = x_t W_x + b (B, 4H), which does not depend on h: a time layer
    /// computes it for all T steps in one product before the loop (<see cref="TimeLstm{T}"/>).
    /// </summary>
    public (NdArray<T> H, NdArray<T> C) ForwardFromInput(NdArray<T> xw, NdArray<T> hPrev, NdArray<T> cPrev)
    {
        int H = HiddenSize;
        ShapeCheck.Require(xw, nameof(xw), ShapeCheck.Any, 4 * H);
        ShapeCheck.Require(hPrev, nameof(hPrev), xw.Dim(0), H);
        ShapeCheck.Require(cPrev, nameof(cPrev), xw.Dim(0), H);
        StartPass();

        var a = xw + hPrev.MatMul(_wh.Value);                     // (B, 4H) = x_t W_x + h_{t-1} W_h + b
        var f = a.Cols(0, H).Sigmoid();
        var g = a.Cols(H, 2 * H).Tanh();
        var i = a.Cols(2 * H, 3 * H).Sigmoid();
        var o = a.Cols(3 * H, 4 * H).Sigmoid();
        var c = f * cPrev + i * g;
        var tanhC = c.Tanh();
        var h = o * tanhC;

        (_cache, _x) = (new Cache(hPrev, cPrev, f, g, i, o, tanhC), null);
        return (h, c);
    }
    #endregion

    #region Backward
    /// <summary>Takes ∂L/∂h_t and ∂L/∂C_t (B, H); adds to the gradients and returns (∂L/∂x_t, ∂L/∂h_{t-1}, ∂L/∂C_{t-1}).</summary>
    public (NdArray<T> Dx, NdArray<T> DhPrev, NdArray<T> DcPrev) Backward(NdArray<T> dhNext, NdArray<T> dcNext)
    {
        var x = _x ?? throw new InvalidOperationException(_cache is null
            ? "LstmCell: call Forward before Backward."
            : "LstmCell: the last step ran from its input part (ForwardFromInput); call BackwardToInput.");
        var (da, dhPrev, dcPrev) = BackwardToInput(dhNext, dcNext);
        _wh.AddGradient(_cache!.HPrev.T().MatMul(da));
        _wx.AddGradient(x.T().MatMul(da));
        _b.AddGradient(da.Sum(axis: 0));
        var dx = da.MatMul(_wx.Value.T());
        return (dx, dhPrev, dcPrev);
    }

    /// <summary>
    /// The backward pass through the gates only: returns (∂L/∂a_t, ∂L/∂h_{t-1}, ∂L/∂C_{t-1}) and adds to no
    /// gradient. ∂L/∂W_x, ∂L/∂W_h, ∂L/∂b and ∂L/∂x_t are products with ∂L/∂a_t that a time layer makes once
    /// for all T steps.
    /// </summary>
    public (NdArray<T> Da, NdArray<T> DhPrev, NdArray<T> DcPrev) BackwardToInput(NdArray<T> dhNext, NdArray<T> dcNext)
    {
        var (hPrev, cPrev, f, g, i, o, tanhC) = _cache ?? throw new InvalidOperationException("LstmCell: call Forward before Backward.");
        ShapeCheck.Require(dhNext, nameof(dhNext), hPrev.Dim(0), HiddenSize);
        ShapeCheck.Require(dcNext, nameof(dcNext), hPrev.Dim(0), HiddenSize);

        var ds = dcNext + tanhC.TanhBackward(dhNext * o);         // ∂L/∂C_t, both paths
        var dcPrev = ds * f;
        var df = f.SigmoidBackward(ds * cPrev);
        var dg = g.TanhBackward(ds * i);
        var di = i.SigmoidBackward(ds * g);
        var dO = o.SigmoidBackward(dhNext * tanhC);
        var da = Nd.ConcatCols(df, dg, di, dO);                    // (B, 4H)
        var dhPrev = da.MatMul(_wh.Value.T());

        return (da, dhPrev, dcPrev);
    }
    #endregion

    private void StartPass()
    {
        _wx.StartPass();
        _wh.StartPass();
        _b.StartPass();
    }

    private sealed record Cache(
        NdArray<T> HPrev, NdArray<T> CPrev, NdArray<T> F, NdArray<T> G, NdArray<T> I, NdArray<T> O, NdArray<T> TanhC);
}
