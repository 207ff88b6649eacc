using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>The embedding applied at every time step of a batch of id sequences.</summary>
/// <remarks>
/// Shapes: ids (B, T) → xs (B, T, D); W_e (V, D).
/// <code>
///   x_t[b] = W_e[ids[b, t]]
///   ∂L/∂W_e[v] = Σ_{b,t : ids[b,t] = v} ∂L/∂x_t[b]
/// </code>
/// Backward clears ∂L/∂W_e and adds one row per position; rows of ids not in the batch stay zero.
/// </remarks>
public sealed class TimeEmbedding<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly NdArray<T> _w, _dw;
    private NdArray<int>? _ids;
    private NdArray<T>? _xs;

    /// <summary>Wraps the given weights W_e (V, D) (not copied).</summary>
    public TimeEmbedding(NdArray<T> w)
    {
        ShapeCheck.Require(w, nameof(w), ShapeCheck.Any, ShapeCheck.Any);
        _w = w;
        _dw = new NdArray<T>(w.Dim(0), w.Dim(1));
        Params = [_w];
        Grads = [_dw];
    }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Params { get; }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Grads { get; }

    /// <summary>The vocabulary size V.</summary>
    public int VocabSize => _w.Dim(0);

    /// <summary>Returns xs (B, T, D) with xs[b, t] = W_e[ids[b, t]].</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is negative or not below the vocabulary size.</exception>
    public NdArray<T> Forward(NdArray<int> ids)
    {
        ShapeCheck.Require(ids, nameof(ids), ShapeCheck.Any, ShapeCheck.Any);
        var xs = Buffers.Ensure(ref _xs, ids.Dim(0), ids.Dim(1), _w.Dim(1));
        Embedding<T>.Lookup(_w, ids, xs.Data, nameof(ids), timeSize: ids.Dim(1));
        _ids = ids;
        return xs;
    }

    /// <summary>Takes ∂L/∂xs (B, T, D) and accumulates it into ∂L/∂W_e by id.</summary>
    public void Backward(NdArray<T> dxs)
    {
        var ids = Buffers.Saved(_ids, nameof(TimeEmbedding<T>));
        ShapeCheck.Require(dxs, nameof(dxs), ids.Dim(0), ids.Dim(1), _w.Dim(1));
        Embedding<T>.ScatterAdd(ids, dxs.Data, _dw);
    }
}
