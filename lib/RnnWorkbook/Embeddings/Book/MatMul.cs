using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Embeddings;

/// <summary>A product with a weight matrix and no bias, the book's <c>MatMul</c> layer: the output side of the simple CBOW.</summary>
/// <remarks>
/// Shapes: h (N, H) → s (N, V); W (H, V).
/// <code>
///   s = h W        ∂L/∂W = hᵀ ∂L/∂s        ∂L/∂h = ∂L/∂s Wᵀ
/// </code>
/// </remarks>
public sealed class MatMul<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T> _w;
    private NdArray<T>? _h;

    /// <summary>Wraps W (H, V) (not copied) as a parameter named <paramref name="name"/>.</summary>
    public MatMul(NdArray<T> w, string name = "W")
        : this(new Parameter<T>(name, w))
    {
    }

    /// <summary>A product with an existing (possibly shared) parameter W (H, V).</summary>
    public MatMul(Parameter<T> w)
    {
        ArgumentNullException.ThrowIfNull(w);
        ShapeCheck.Require(w.Value, nameof(w), ShapeCheck.Any, ShapeCheck.Any);
        _w = w;
        Parameters = [w];
    }

    /// <summary>W.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    #region Forward
    /// <summary>s = h W for h (N, H); returns a new s (N, V).</summary>
    public NdArray<T> Forward(NdArray<T> h)
    {
        ShapeCheck.Require(h, nameof(h), ShapeCheck.Any, _w.Value.Dim(0));
        _w.StartPass();

        var s = h.MatMul(_w.Value);

        _h = h;
        return s;
    }
    #endregion

    #region Backward
    /// <summary>Takes ∂L/∂s (N, V); adds hᵀ ∂L/∂s to ∂L/∂W and returns ∂L/∂h (N, H).</summary>
    public NdArray<T> Backward(NdArray<T> ds)
    {
        var h = _h ?? throw new InvalidOperationException("MatMul: call Forward before Backward.");
        ShapeCheck.Require(ds, nameof(ds), h.Dim(0), _w.Value.Dim(1));

        _w.AddGradient(h.T().MatMul(ds));
        var dh = ds.MatMul(_w.Value.T());

        return dh;
    }
    #endregion
}
