using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>Looks up one row of a weight matrix per token id: the learned word vectors of the chapters.</summary>
/// <remarks>
/// Shapes: ids (N) or (B, T) → x (N, D) or (B, T, D); W_e (V, D).
/// <code>
///   x[n] = W_e[ids[n]]
///   ∂L/∂W_e[v] = Σ_{n : ids[n] = v} ∂L/∂x[n]      (rows of a repeated id add up)
/// </code>
/// Multiplying a one-hot vector by W_e gives the same result; the lookup just skips the zeros.
/// </remarks>
public sealed class Embedding<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Parameter<T> _w;
    private NdArray<int>? _ids;

    /// <summary>Wraps the given weights W_e (V, D) (not copied).</summary>
    public Embedding(NdArray<T> w)
        : this(new Parameter<T>("W_e", w))
    {
    }

    /// <summary>An embedding on an existing parameter (shared, e.g. tied with the output layer).</summary>
    public Embedding(Parameter<T> w)
    {
        ArgumentNullException.ThrowIfNull(w);
        ShapeCheck.Require(w.Value, nameof(w), ShapeCheck.Any, ShapeCheck.Any);
        _w = w;
        Parameters = [w];
    }

    /// <summary>W_e.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>The vocabulary size V.</summary>
    public int VocabularySize => _w.Value.Dim(0);

    /// <summary>D, the size of a word vector.</summary>
    public int VectorSize => _w.Value.Dim(1);

    /// <summary>Returns the rows of W_e for <paramref name="ids"/> (N) as x (N, D), or for ids (B, T) as (B, T, D).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is negative or not below the vocabulary size.</exception>
    public NdArray<T> Forward(NdArray<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Rank is not (1 or 2))
        {
            throw new ArgumentException($"ids: expected (N) or (B, T), got {ids.ShapeText}", nameof(ids));
        }

        _w.StartPass();
        int vocabulary = VocabularySize, d = VectorSize;
        var x = ids.Rank == 1 ? Nd.Empty<T>(ids.Dim(0), d) : Nd.Empty<T>(ids.Dim(0), ids.Dim(1), d);
        for (int n = 0; n < ids.Length; n++)
        {
            int id = ids.Data[n];
            if ((uint)id >= (uint)vocabulary)
            {
                string position = ids.Rank == 1 ? $"{n}" : $"({n / ids.Dim(1)}, {n % ids.Dim(1)})";
                throw new ArgumentOutOfRangeException(
                    nameof(ids), id, $"Token id {id} at position {position} is outside the vocabulary of size {vocabulary}.");
            }

            _w.Value.Data.AsSpan(id * d, d).CopyTo(x.Data.AsSpan(n * d, d));
        }

        _ids = ids;
        return x;
    }

    /// <summary>Takes ∂L/∂x (N, D) or (B, T, D) and adds each row into the row of ∂L/∂W_e its id picked.</summary>
    public void Backward(NdArray<T> dx)
    {
        var ids = _ids ?? throw new InvalidOperationException("Embedding: call Forward before Backward.");
        ArgumentNullException.ThrowIfNull(dx);
        if (dx.Length != ids.Length * VectorSize || dx.Rank != ids.Rank + 1)
        {
            string expected = ids.Rank == 1 ? $"({ids.Dim(0)}, {VectorSize})" : $"({ids.Dim(0)}, {ids.Dim(1)}, {VectorSize})";
            throw new ArgumentException($"dx: expected {expected}, got {dx.ShapeText}", nameof(dx));
        }

        _w.AddGradientRows(ids, dx);
    }
}
