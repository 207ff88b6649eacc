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
///   w_n = W_out[ids_n]      s_n = w_n · h_n
///   ∂L/∂w_n = ∂L/∂s_n h_n   (added into row ids_n of ∂L/∂W_out)      ∂L/∂h_n = ∂L/∂s_n w_n
/// </code>
/// The lookup is chapter 5's <see cref="Embedding{T}"/> on W_out.
/// </remarks>
public sealed class EmbeddingDot<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Embedding<T> _embed;
    private NdArray<T>? _h, _w;

    /// <summary>Wraps W_out (V, H) (not copied).</summary>
    public EmbeddingDot(NdArray<T> wOut)
        : this(new Parameter<T>("W_out", wOut))
    {
    }

    /// <summary>Scores with an existing (possibly shared) parameter W_out (V, H).</summary>
    public EmbeddingDot(Parameter<T> wOut)
    {
        _embed = new Embedding<T>(wOut);
        Parameters = _embed.Parameters;
    }

    /// <summary>W_out.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    #region Layer
    /// <summary>s_n = W_out[ids_n] · h_n for h (N, H) and ids (N).</summary>
    public NdArray<T> Forward(NdArray<T> h, NdArray<int> ids)
    {
        ShapeCheck.Require(h, nameof(h), ShapeCheck.Any, _embed.VectorSize);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Rank != 1 || ids.Length != h.Dim(0))
        {
            throw new ArgumentException($"ids: expected ({h.Dim(0)}), got {ids.ShapeText}", nameof(ids));
        }

        var w = _embed.Forward(ids);                    // (N, H): the rows W_out[ids_n]
        var s = Rows.Sums(w * h);                        // (N): np.sum(w * h, axis=1)

        (_h, _w) = (h, w);
        return s;
    }

    /// <summary>Takes ∂L/∂s (N); adds into ∂L/∂W_out and returns ∂L/∂h (N, H).</summary>
    public NdArray<T> Backward(NdArray<T> ds)
    {
        var (h, w) = (_h ?? throw new InvalidOperationException("EmbeddingDot: call Forward before Backward."), _w!);
        ShapeCheck.Require(ds, nameof(ds), h.Dim(0));

        _embed.Backward(Rows.Scale(ds, h));             // ∂L/∂w_n = ∂L/∂s_n h_n
        var dh = Rows.Scale(ds, w);                      // ∂L/∂h_n = ∂L/∂s_n w_n

        return dh;
    }
    #endregion
}
