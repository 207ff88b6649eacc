using System.Numerics;
using System.Numerics.Tensors;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Embeddings;

/// <summary>
/// The row operations of the word2vec layers that <see cref="Nd"/> does not have, each a NumPy one-liner of
/// the book: <c>np.sum(a, axis=1)</c>, <c>c.reshape(N, 1) * a</c>, <c>np.repeat(a, k, axis=0)</c> and its backward.
/// </summary>
/// <remarks>Like <see cref="Nd"/>, every operation returns a new array and never changes its operands.</remarks>
public static class Rows
{
    /// <summary>The sum of each row of a (N, H) → (N): <c>np.sum(a, axis=1)</c>.</summary>
    public static NdArray<T> Sums<T>(NdArray<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeCheck.Require(a, nameof(a), ShapeCheck.Any, ShapeCheck.Any);
        int n = a.Dim(0), d = a.Dim(1);
        var sums = Nd.Empty<T>(n);
        for (int i = 0; i < n; i++)
        {
            sums.Data[i] = TensorPrimitives.Sum<T>(a.Data.AsSpan(i * d, d));
        }

        return sums;
    }

    /// <summary>Row n of a (N, H) times c_n for c (N): <c>c.reshape(N, 1) * a</c>.</summary>
    public static NdArray<T> Scale<T>(NdArray<T> c, NdArray<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeCheck.Require(a, nameof(a), ShapeCheck.Any, ShapeCheck.Any);
        ShapeCheck.Require(c, nameof(c), a.Dim(0));
        int n = a.Dim(0), d = a.Dim(1);
        var y = Nd.Empty<T>(n, d);
        for (int i = 0; i < n; i++)
        {
            TensorPrimitives.Multiply<T>(a.Data.AsSpan(i * d, d), c.Data[i], y.Data.AsSpan(i * d, d));
        }

        return y;
    }

    /// <summary>Each row of a (N, H) <paramref name="times"/> times in a row → (N·times, H): <c>np.repeat(a, times, axis=0)</c>.</summary>
    public static NdArray<T> Repeat<T>(NdArray<T> a, int times) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeCheck.Require(a, nameof(a), ShapeCheck.Any, ShapeCheck.Any);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        int n = a.Dim(0), d = a.Dim(1);
        var repeated = Nd.Empty<T>(n * times, d);
        for (int row = 0; row < n * times; row++)
        {
            a.Data.AsSpan(row / times * d, d).CopyTo(repeated.Data.AsSpan(row * d, d));
        }

        return repeated;
    }

    /// <summary>
    /// Each group of <paramref name="size"/> consecutive rows of a (N·size, H) summed → (N, H): the backward of
    /// <see cref="Repeat"/>, and (times 1/size) the mean of a CBOW's context vectors.
    /// </summary>
    public static NdArray<T> SumGroups<T>(NdArray<T> a, int size) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeCheck.Require(a, nameof(a), ShapeCheck.Any, ShapeCheck.Any);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (a.Dim(0) % size != 0)
        {
            throw new ArgumentException($"a: expected a multiple of {size} rows, got {a.ShapeText}", nameof(a));
        }

        int d = a.Dim(1), n = a.Dim(0) / size;
        var sums = Nd.Zeros<T>(n, d);
        for (int row = 0; row < n * size; row++)
        {
            var sum = sums.Data.AsSpan(row / size * d, d);
            TensorPrimitives.Add<T>(sum, a.Data.AsSpan(row * d, d), sum);
        }

        return sums;
    }
}
