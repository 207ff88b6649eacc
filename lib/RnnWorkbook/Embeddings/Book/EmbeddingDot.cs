using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Embeddings;

/// <summary>
/// The score of one chosen output word per row (the book's <c>EmbeddingDot</c>, §4.2): look up that word's
/// output vector and take its dot product with the hidden vector, instead of scoring the whole vocabulary.
/// </summary>
/// <remarks>
/// Shapes: h (N, H), ids (N) → s (N); W_out (V, H), one row per word.
/// <code>
///   s_n = W_out[ids_n] · h_n       ∂L/∂W_out[ids_n] += ∂L/∂s_n h_n       ∂L/∂h_n = ∂L/∂s_n W_out[ids_n]
/// </code>
/// </remarks>
public sealed class EmbeddingDot<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Embedding<T> _embed;
    private NdArray<T>? _h, _rows;

    /// <summary>Wraps W_out (V, H) (not copied).</summary>
    public EmbeddingDot(NdArray<T> w)
    {
        _embed = new Embedding<T>(w);
        Params = _embed.Params;
        Grads = _embed.Grads;
    }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Params { get; }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Grads { get; }

    #region Layer
    /// <summary>s_n = W_out[ids_n] · h_n for h (N, H) and ids (N).</summary>
    public NdArray<T> Forward(NdArray<T> h, NdArray<int> ids)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(ids);
        if (h.Rank != 2 || h.Dim(1) != Params[0].Dim(1))
        {
            throw new ArgumentException($"h: expected (*, {Params[0].Dim(1)}), got {h.ShapeText}", nameof(h));
        }

        if (ids.Rank != 1 || ids.Length != h.Dim(0))
        {
            throw new ArgumentException($"ids: expected ({h.Dim(0)}), got {ids.ShapeText}", nameof(ids));
        }

        var rows = _embed.Forward(ids);                         // (N, H): W_out[ids_n]
        int n = h.Dim(0), hidden = h.Dim(1);
        var s = new NdArray<T>(n);
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < hidden; k++)
            {
                s[i] += rows[i, k] * h[i, k];
            }
        }

        (_h, _rows) = (h, rows);
        return s;
    }

    /// <summary>Takes ∂L/∂s (N); adds into ∂L/∂W_out and returns ∂L/∂h (N, H).</summary>
    public NdArray<T> Backward(NdArray<T> ds)
    {
        var (h, rows) = (_h ?? throw new InvalidOperationException("EmbeddingDot: call Forward before Backward."), _rows!);
        int n = h.Dim(0), hidden = h.Dim(1);
        var dRows = new NdArray<T>(n, hidden);
        var dh = new NdArray<T>(n, hidden);
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < hidden; k++)
            {
                dRows[i, k] = ds[i] * h[i, k];
                dh[i, k] = ds[i] * rows[i, k];
            }
        }

        _embed.Backward(dRows);
        return dh;
    }
    #endregion
}
