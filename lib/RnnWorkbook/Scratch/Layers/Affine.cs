using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>A fully connected layer on a batch of vectors: the output projection of the chapters.</summary>
/// <remarks>
/// Shapes: x (N, H) → y (N, V); W_hy (H, V), b_y (V).
/// <code>
///   y = x W_hy + b_y
///   ∂L/∂W_hy = xᵀ ∂L/∂y     ∂L/∂b_y = Σ_n ∂L/∂y[n]     ∂L/∂x = ∂L/∂y W_hyᵀ
/// </code>
/// Weight tying (Press &amp; Wolf 2017; the book's BetterRnnlm): built with <c>transposed: true</c> on the
/// embedding's W_e (V, H), the layer computes y = x W_eᵀ + b_y and adds ∂L/∂W_e = ∂L/∂yᵀ x to the one
/// shared parameter.
/// </remarks>
public sealed class Affine<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T> _w, _b;
    private readonly bool _transposed;
    private NdArray<T>? _x;

    /// <summary>Wraps the given weights (not copied): W_hy of shape (H, V) and b_y of shape (V).</summary>
    public Affine(NdArray<T> w, NdArray<T> b)
        : this(new Parameter<T>("W_hy", w), new Parameter<T>("b_y", b))
    {
    }

    /// <summary>An affine layer on existing parameters; <paramref name="transposed"/>: W is stored (V, H) and used as Wᵀ (tying).</summary>
    public Affine(Parameter<T> w, Parameter<T> b, bool transposed = false)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(b);
        ShapeCheck.Require(w.Value, nameof(w), ShapeCheck.Any, ShapeCheck.Any);
        (_w, _b, _transposed) = (w, b, transposed);
        ShapeCheck.Require(b.Value, nameof(b), OutputSize);
        Parameters = [w, b];
    }

    /// <summary>W_hy, b_y.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>H, the input size.</summary>
    public int InputSize => _w.Value.Dim(_transposed ? 1 : 0);

    /// <summary>V, the output size.</summary>
    public int OutputSize => _w.Value.Dim(_transposed ? 0 : 1);

    #region Forward
    /// <summary>y = x W_hy + b_y for x of shape (N, H); returns y (N, V).</summary>
    public NdArray<T> Forward(NdArray<T> x)
    {
        ShapeCheck.Require(x, nameof(x), ShapeCheck.Any, InputSize);
        var (w, b) = (_w.Value, _b.Value);
        _w.StartPass();
        _b.StartPass();

        var y = (_transposed ? x.MatMul(w.T()) : x.MatMul(w)) + b;

        _x = x;
        return y;
    }
    #endregion

    #region Backward
    /// <summary>Takes ∂L/∂y (N, V); adds to ∂L/∂W_hy and ∂L/∂b_y and returns ∂L/∂x (N, H).</summary>
    public NdArray<T> Backward(NdArray<T> dy)
    {
        var x = _x ?? throw new InvalidOperationException("Affine: call Forward before Backward.");
        ShapeCheck.Require(dy, nameof(dy), x.Dim(0), OutputSize);
        var w = _w.Value;

        _w.AddGradient(_transposed ? dy.T().MatMul(x) : x.T().MatMul(dy));
        _b.AddGradient(dy.Sum(axis: 0));
        var dx = _transposed ? dy.MatMul(w) : dy.MatMul(w.T());

        return dx;
    }
    #endregion
}
