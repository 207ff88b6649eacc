using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>The embedding applied at every time step of a batch of id sequences.</summary>
/// <remarks>
/// Shapes: ids (B, T) → xs (B, T, D); W_e (V, D).
/// <code>
///   x_t[b] = W_e[ids[b, t]]
///   ∂L/∂W_e[v] = Σ_{b,t : ids[b,t] = v} ∂L/∂x_t[b]
/// </code>
/// No step depends on another, so this is one <see cref="Embedding{T}"/> on all B·T ids at once.
/// </remarks>
public sealed class TimeEmbedding<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Embedding<T> _embedding;

    /// <summary>Wraps the given weights W_e (V, D) (not copied).</summary>
    public TimeEmbedding(NdArray<T> w) => _embedding = new Embedding<T>(w);

    /// <summary>A time embedding on an existing parameter (shared, e.g. tied with the output layer).</summary>
    public TimeEmbedding(Parameter<T> w) => _embedding = new Embedding<T>(w);

    /// <summary>W_e.</summary>
    public IReadOnlyList<Parameter<T>> Parameters => _embedding.Parameters;

    /// <summary>The vocabulary size V.</summary>
    public int VocabularySize => _embedding.VocabularySize;

    /// <summary>Returns xs (B, T, D) with xs[b, t] = W_e[ids[b, t]].</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is negative or not below the vocabulary size.</exception>
    public NdArray<T> Forward(NdArray<int> ids)
    {
        ShapeCheck.Require(ids, nameof(ids), ShapeCheck.Any, ShapeCheck.Any);
        return _embedding.Forward(ids);
    }

    /// <summary>Takes ∂L/∂xs (B, T, D) and accumulates it into ∂L/∂W_e by id.</summary>
    public void Backward(NdArray<T> dxs) => _embedding.Backward(dxs);
}
