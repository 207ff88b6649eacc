using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>One step of a GRU (Cho et al. 2014) in the convention of PyTorch, TorchSharp and cuDNN.</summary>
/// <remarks>
/// Shapes: x_t (B, D), h_{t-1} (B, H) → h_t (B, H); W_x (D, 3H), W_h (H, 3H), b (3H), b_h (H).
/// Gate blocks side by side in the order z, r, h̃:
/// <code>
///   z_t  = σ(x_t W_x,z + h_{t-1} W_h,z + b_z)                      update gate (업데이트 게이트)
///   r_t  = σ(x_t W_x,r + h_{t-1} W_h,r + b_r)                      reset gate (리셋 게이트)
///   h̃_t  = tanh(x_t W_x,h̃ + b_h̃ + r_t ⊙ (h_{t-1} W_h,h̃ + b_h))     candidate: r applied after the product
///   h_t  = z_t ⊙ h_{t-1} + (1 − z_t) ⊙ h̃_t                         z near 1 keeps the past
/// </code>
/// Cho et al. (2014) write h̃_t = tanh(x_t W_x,h̃ + (r_t ⊙ h_{t-1}) W_h,h̃ + b), r before the product, and
/// some texts swap the roles of z and 1 − z; this cell uses TorchSharp's form so the twins agree. The extra
/// bias b_h stays inside r's product, as nn.GRU's b_hn does.
/// Backward, from ∂L/∂h_t:
/// <code>
///   ∂L/∂h̃ = ∂L/∂h_t ⊙ (1 − z)       ∂L/∂z = ∂L/∂h_t ⊙ (h_{t-1} − h̃)      ∂L/∂h_{t-1} ∋ ∂L/∂h_t ⊙ z
///   ∂L/∂a_h̃ = ∂L/∂h̃ ⊙ (1 − h̃²)      ∂L/∂r = ∂L/∂a_h̃ ⊙ (h_{t-1} W_h,h̃ + b_h)    ∂L/∂(h W_h,h̃ + b_h) = ∂L/∂a_h̃ ⊙ r
///   input side  ∂L/∂a_x = [∂z ⊙ z(1−z) | ∂r ⊙ r(1−r) | ∂L/∂a_h̃]          → W_x, b, x_t
///   hidden side ∂L/∂a_h = [∂z ⊙ z(1−z) | ∂r ⊙ r(1−r) | ∂L/∂a_h̃ ⊙ r]      → W_h, h_{t-1}; b_h gets Σ_batch of the last block
/// </code>
/// </remarks>
public sealed class GruCell<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T> _wx, _wh, _b, _bh;
    private Cache? _cache;
    private NdArray<T>? _x;

    /// <summary>Wraps the given weights (not copied): W_x (D, 3H), W_h (H, 3H), b (3H), b_h (H).</summary>
    public GruCell(NdArray<T> wx, NdArray<T> wh, NdArray<T> b, NdArray<T> bh)
        : this(new Parameter<T>("W_x", wx), new Parameter<T>("W_h", wh), new Parameter<T>("b", b), new Parameter<T>("b_h", bh))
    {
    }

    /// <summary>A cell on existing parameters, shared with other cells (the steps of <see cref="TimeGru{T}"/>).</summary>
    public GruCell(Parameter<T> wx, Parameter<T> wh, Parameter<T> b, Parameter<T> bh)
    {
        ArgumentNullException.ThrowIfNull(wx);
        ArgumentNullException.ThrowIfNull(wh);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(bh);
        ShapeCheck.Require(wh.Value, nameof(wh), ShapeCheck.Any, ShapeCheck.Any);
        int h = wh.Value.Dim(0);
        ShapeCheck.Require(wh.Value, nameof(wh), h, 3 * h);
        ShapeCheck.Require(wx.Value, nameof(wx), ShapeCheck.Any, 3 * h);
        ShapeCheck.Require(b.Value, nameof(b), 3 * h);
        ShapeCheck.Require(bh.Value, nameof(bh), h);
        (_wx, _wh, _b, _bh) = (wx, wh, b, bh);
        Parameters = [wx, wh, b, bh];
    }

    /// <summary>W_x, W_h, b, b_h.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>D, the input size.</summary>
    public int InputSize => _wx.Value.Dim(0);

    /// <summary>H, the hidden size.</summary>
    public int HiddenSize => _wh.Value.Dim(0);

    /// <summary>The gate values of the last Forward (B, H) each.</summary>
    public (NdArray<T> Z, NdArray<T> R, NdArray<T> Candidate) Gates =>
        _cache is { } c ? (c.Z, c.R, c.N) : throw new InvalidOperationException("GruCell: call Forward first.");

    #region Forward
    /// <summary>h_t from x_t (B, D) and h_{t-1} (B, H).</summary>
    public NdArray<T> Forward(NdArray<T> x, NdArray<T> hPrev)
    {
        ShapeCheck.Require(x, nameof(x), ShapeCheck.Any, InputSize);
        var h = ForwardFromInput(x.MatMul(_wx.Value) + _b.Value, hPrev);
        _x = x;
        return h;
    }

    /// <summary>
    /// The same step from its input part a_x = x_t W_x + b (B, 3H), which does not depend on h: a time layer
    /// computes it for all T steps in one product before the loop (<see cref="TimeGru{T}"/>).
    /// </summary>
    public NdArray<T> ForwardFromInput(NdArray<T> ax, NdArray<T> hPrev)
    {
        int H = HiddenSize;
        ShapeCheck.Require(ax, nameof(ax), ShapeCheck.Any, 3 * H);
        ShapeCheck.Require(hPrev, nameof(hPrev), ax.Dim(0), H);
        StartPass();

        var ah = hPrev.MatMul(_wh.Value);                           // (B, 3H)
        var z = (ax.Cols(0, H) + ah.Cols(0, H)).Sigmoid();
        var r = (ax.Cols(H, 2 * H) + ah.Cols(H, 2 * H)).Sigmoid();
        var hh = ah.Cols(2 * H, 3 * H) + _bh.Value;                 // h_{t-1} W_h,h̃ + b_h
        var n = (ax.Cols(2 * H, 3 * H) + r * hh).Tanh();            // h̃_t
        var h = z * hPrev + (T.One - z) * n;

        (_cache, _x) = (new Cache(hPrev, z, r, n, hh), null);
        return h;
    }
    #endregion

    #region Backward
    /// <summary>Takes ∂L/∂h_t (B, H); adds to the gradients and returns (∂L/∂x_t, ∂L/∂h_{t-1}).</summary>
    public (NdArray<T> Dx, NdArray<T> DhPrev) Backward(NdArray<T> dhNext)
    {
        var x = _x ?? throw new InvalidOperationException(_cache is null
            ? "GruCell: call Forward before Backward."
            : "GruCell: the last step ran from its input part (ForwardFromInput); call BackwardToInput.");
        var (dax, dah, dhPrev) = BackwardToInput(dhNext);
        _wx.AddGradient(x.T().MatMul(dax));
        _b.AddGradient(dax.Sum(axis: 0));
        _wh.AddGradient(_cache!.HPrev.T().MatMul(dah));
        _bh.AddGradient(dah.Cols(2 * HiddenSize, 3 * HiddenSize).Sum(axis: 0));
        var dx = dax.MatMul(_wx.Value.T());
        return (dx, dhPrev);
    }

    /// <summary>
    /// The backward pass through the gates only: returns (∂L/∂a_x, ∂L/∂a_h, ∂L/∂h_{t-1}) and adds to no
    /// gradient. ∂L/∂W_x, ∂L/∂b, ∂L/∂x_t (from ∂L/∂a_x) and ∂L/∂W_h, ∂L/∂b_h (from ∂L/∂a_h) are products a
    /// time layer makes once for all T steps.
    /// </summary>
    public (NdArray<T> Dax, NdArray<T> Dah, NdArray<T> DhPrev) BackwardToInput(NdArray<T> dhNext)
    {
        var (hPrev, z, r, n, hh) = _cache ?? throw new InvalidOperationException("GruCell: call Forward before Backward.");
        ShapeCheck.Require(dhNext, nameof(dhNext), hPrev.Dim(0), HiddenSize);

        var dan = n.TanhBackward(dhNext * (T.One - z));             // ∂L/∂a_h̃
        var daz = z.SigmoidBackward(dhNext * (hPrev - n));
        var dar = r.SigmoidBackward(dan * hh);
        var dhh = dan * r;
        var dax = Nd.ConcatCols(daz, dar, dan);                     // (B, 3H)
        var dah = Nd.ConcatCols(daz, dar, dhh);                     // (B, 3H)
        var dhPrev = dhNext * z + dah.MatMul(_wh.Value.T());

        return (dax, dah, dhPrev);
    }
    #endregion

    private void StartPass()
    {
        _wx.StartPass();
        _wh.StartPass();
        _b.StartPass();
        _bh.StartPass();
    }

    private sealed record Cache(NdArray<T> HPrev, NdArray<T> Z, NdArray<T> R, NdArray<T> N, NdArray<T> Hh);
}
