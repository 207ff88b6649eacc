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
    private readonly NdArray<T> _w, _dw;
    private NdArray<T>? _h;

    /// <summary>Wraps W (H, V) (not copied).</summary>
    public MatMul(NdArray<T> w)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (w.Rank != 2)
        {
            throw new ArgumentException($"w: expected a matrix (H, V), got {w.ShapeText}", nameof(w));
        }

        _w = w;
        _dw = new NdArray<T>(w.Dim(0), w.Dim(1));
        Params = [_w];
        Grads = [_dw];
    }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Params { get; }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Grads { get; }

    #region Forward
    /// <summary>s = h W for h (N, H); returns a new s (N, V).</summary>
    public NdArray<T> Forward(NdArray<T> h)
    {
        int hidden = _w.Dim(0), v = _w.Dim(1);
        RequireRows(h, nameof(h), hidden);
        int n = h.Dim(0);
        var s = new NdArray<T>(n, v);
        for (int r = 0; r < n; r++)
        {
            for (int k = 0; k < hidden; k++)
            {
                for (int j = 0; j < v; j++)
                {
                    s[r, j] += h[r, k] * _w[k, j];
                }
            }
        }

        _h = h;
        return s;
    }
    #endregion

    /// <summary>Takes ∂L/∂s (N, V); fills ∂L/∂W and returns ∂L/∂h (N, H).</summary>
    public NdArray<T> Backward(NdArray<T> ds)
    {
        var h = _h ?? throw new InvalidOperationException("MatMul: call Forward before Backward.");
        int n = h.Dim(0), hidden = _w.Dim(0), v = _w.Dim(1);
        RequireRows(ds, nameof(ds), v);
        var dh = new NdArray<T>(n, hidden);
        _dw.Clear();
        for (int r = 0; r < n; r++)
        {
            for (int k = 0; k < hidden; k++)
            {
                for (int j = 0; j < v; j++)
                {
                    _dw[k, j] += h[r, k] * ds[r, j];
                    dh[r, k] += ds[r, j] * _w[k, j];
                }
            }
        }

        return dh;
    }

    private static void RequireRows<TElement>(NdArray<TElement> x, string name, int columns) where TElement : unmanaged
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.Rank != 2 || x.Dim(1) != columns)
        {
            throw new ArgumentException($"{name}: expected (*, {columns}), got {x.ShapeText}", name);
        }
    }
}
