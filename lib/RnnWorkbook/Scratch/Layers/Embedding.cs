using System.Numerics;
using System.Numerics.Tensors;

namespace RnnWorkbook.Scratch;

/// <summary>Looks up one row of a weight matrix per token id: the learned word vectors of the chapters.</summary>
/// <remarks>
/// Shapes: ids (N) → x (N, D); W_e (V, D).
/// <code>
///   x[n] = W_e[ids[n]]
///   ∂L/∂W_e[v] = Σ_{n : ids[n] = v} ∂L/∂x[n]      (rows of a repeated id add up)
/// </code>
/// Multiplying a one-hot vector by W_e gives the same result; the lookup just skips the zeros.
/// </remarks>
public sealed class Embedding<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly NdArray<T> _w, _dw;
    private NdArray<int>? _ids;
    private NdArray<T>? _x;

    /// <summary>Wraps the given weights W_e (V, D) (not copied).</summary>
    public Embedding(NdArray<T> w)
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

    /// <summary>Returns the rows of W_e for <paramref name="ids"/> (N) as x (N, D).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is negative or not below the vocabulary size.</exception>
    public NdArray<T> Forward(NdArray<int> ids)
    {
        ShapeCheck.Require(ids, nameof(ids), ShapeCheck.Any);
        var x = Buffers.Ensure(ref _x, ids.Dim(0), _w.Dim(1));
        Lookup(_w, ids, x.Data, nameof(ids), timeSize: 0);
        _ids = ids;
        return x;
    }

    /// <summary>Takes ∂L/∂x (N, D) and adds each row into the row of ∂L/∂W_e its id picked.</summary>
    public void Backward(NdArray<T> dx)
    {
        var ids = Buffers.Saved(_ids, nameof(Embedding<T>));
        ShapeCheck.Require(dx, nameof(dx), ids.Dim(0), _w.Dim(1));
        ScatterAdd(ids, dx.Data, _dw);
    }

    internal static void Lookup(NdArray<T> w, NdArray<int> ids, Span<T> x, string name, int timeSize)
    {
        int vocab = w.Dim(0), d = w.Dim(1);
        for (int n = 0; n < ids.Length; n++)
        {
            int id = ids.Data[n];
            if ((uint)id >= (uint)vocab)
            {
                string position = timeSize == 0 ? $"{n}" : $"({n / timeSize}, {n % timeSize})";
                throw new ArgumentOutOfRangeException(
                    name, id, $"Token id {id} at position {position} is outside the vocabulary of size {vocab}.");
            }

            w.Data.AsSpan(id * d, d).CopyTo(x.Slice(n * d, d));
        }
    }

    internal static void ScatterAdd(NdArray<int> ids, ReadOnlySpan<T> dx, NdArray<T> dw)
    {
        int d = dw.Dim(1);
        dw.Clear();
        for (int n = 0; n < ids.Length; n++)
        {
            Span<T> row = dw.Data.AsSpan(ids.Data[n] * d, d);
            TensorPrimitives.Add(row, dx.Slice(n * d, d), row);
        }
    }
}
