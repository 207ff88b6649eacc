using System.Globalization;
using System.Text;

namespace RnnWorkbook.Scratch;

/// <summary>
/// A dense array laid out row-major (the last axis varies fastest), like a NumPy ndarray: a shape and
/// one flat buffer. Layers use it for (batch, time, features) data, for token ids (<c>NdArray&lt;int&gt;</c>)
/// and for their weights.
/// </summary>
/// <remarks>
/// <para>Layers are written with the operations of <see cref="Nd"/> and the operators below:
/// <c>x.MatMul(Wx) + hPrev.MatMul(Wh) + b</c> (a row b of shape (H) is added to every row), <c>f * cPrev</c>
/// (element-wise, ⊙), <c>T.One - y * y</c>. Each returns a new array and leaves its operands alone; there
/// are no views, except <see cref="Reshape"/>, which shares the buffer under a new shape. Arithmetic needs
/// <c>float</c> or <c>double</c> elements; <c>NdArray&lt;int&gt;</c> holds token ids.</para>
/// </remarks>
public sealed class NdArray<T> where T : unmanaged
{
    private readonly int[] _shape;

    /// <summary>Creates a zero-filled array of the given shape, e.g. <c>new NdArray&lt;float&gt;(32, 35, 128)</c>.</summary>
    public NdArray(params int[] shape)
        : this(new T[LengthOf(shape)], shape)
    {
    }

    /// <summary>Wraps <paramref name="data"/> (not copied) as an array of the given shape.</summary>
    public NdArray(T[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        int length = LengthOf(shape);
        if (data.Length != length)
        {
            throw new ArgumentException(
                $"data: shape {Format(shape)} needs {length} elements, got {data.Length}.", nameof(data));
        }

        _shape = (int[])shape.Clone();
        Data = data;
    }

    /// <summary>The elements in row-major order. Layers read and write it directly.</summary>
    public T[] Data { get; }

    /// <summary>The size of each axis, e.g. (batch, time, features).</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The number of axes.</summary>
    public int Rank => _shape.Length;

    /// <summary>The number of elements (the product of the shape).</summary>
    public int Length => Data.Length;

    /// <summary>The shape written as in the error messages and the chapters, e.g. "(32, 35, 128)".</summary>
    public string ShapeText => Format(_shape);

    /// <summary>The element at a flat (row-major) index.</summary>
    public ref T this[int index] => ref Data[index];

    /// <summary>The element at (i, j) of a rank-2 array.</summary>
    public ref T this[int i, int j] => ref Data[Offset(i, j)];

    /// <summary>The element at (i, j, k) of a rank-3 array.</summary>
    public ref T this[int i, int j, int k] => ref Data[Offset(i, j, k)];

    /// <summary>The size of one axis.</summary>
    public int Dim(int axis) => _shape[axis];

    /// <summary>The elements as a span.</summary>
    public Span<T> AsSpan() => Data;

    /// <summary>Sets every element to zero.</summary>
    public void Clear() => Array.Clear(Data);

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public void Fill(T value) => Array.Fill(Data, value);

    /// <summary>Copies the elements of an array of the same shape into this one.</summary>
    public void CopyFrom(NdArray<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!SameShape(source))
        {
            throw new ArgumentException($"source: expected {ShapeText}, got {source.ShapeText}", nameof(source));
        }

        source.Data.CopyTo(Data, 0);
    }

    /// <summary>A copy with its own buffer: keep one when a layer's output would be overwritten.</summary>
    public NdArray<T> Clone() => new((T[])Data.Clone(), _shape);

    /// <summary>The same buffer seen under another shape with the same number of elements; one size may be −1 (inferred), as in NumPy.</summary>
    public NdArray<T> Reshape(params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        int inferred = Array.IndexOf(shape, -1);
        if (inferred >= 0)
        {
            shape = (int[])shape.Clone();
            shape[inferred] = 1;
            int rest = LengthOf(shape);
            if (rest == 0 || Length % rest != 0)
            {
                throw new ArgumentException($"shape: cannot view {ShapeText} as {Format(shape)} with one size inferred.", nameof(shape));
            }

            shape[inferred] = Length / rest;
        }

        return new(Data, shape);
    }

    /// <summary>True when both arrays have the same shape.</summary>
    public bool SameShape(NdArray<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _shape.AsSpan().SequenceEqual(other._shape);
    }

    /// <summary>a + b element-wise; b may be a row (last axis of a) added to every row, e.g. (B, H) + (H).</summary>
    public static NdArray<T> operator +(NdArray<T> a, NdArray<T> b) => Math.Add(a, b);

    /// <summary>a − b element-wise, with the same broadcasting as +.</summary>
    public static NdArray<T> operator -(NdArray<T> a, NdArray<T> b) => Math.Subtract(a, b);

    /// <summary>a ⊙ b, the element-wise (Hadamard) product, with the same broadcasting as +.</summary>
    public static NdArray<T> operator *(NdArray<T> a, NdArray<T> b) => Math.Multiply(a, b);

    /// <summary>a + s for every element.</summary>
    public static NdArray<T> operator +(NdArray<T> a, T s) => Math.Scalar(a, s, Nd.Operation.Add);

    /// <summary>a − s for every element.</summary>
    public static NdArray<T> operator -(NdArray<T> a, T s) => Math.Scalar(a, s, Nd.Operation.Subtract);

    /// <summary>s − a for every element, e.g. <c>T.One - y * y</c>.</summary>
    public static NdArray<T> operator -(T s, NdArray<T> a) => Math.Scalar(a, s, Nd.Operation.ReverseSubtract);

    /// <summary>a · s for every element.</summary>
    public static NdArray<T> operator *(NdArray<T> a, T s) => Math.Scalar(a, s, Nd.Operation.Multiply);

    /// <summary>s · a for every element.</summary>
    public static NdArray<T> operator *(T s, NdArray<T> a) => Math.Scalar(a, s, Nd.Operation.Multiply);

    /// <summary>−a.</summary>
    public static NdArray<T> operator -(NdArray<T> a) => Math.Negate(a);

    /// <summary>The shape and the values, at most six per axis, e.g. "(2, 3) [[1, 2, 3], [4, 5, 6]]".</summary>
    public override string ToString()
    {
        var text = new StringBuilder(ShapeText).Append(' ');
        AppendAxis(text, axis: 0, offset: 0);
        return text.ToString();
    }

    /// <summary>A new array whose elements are not set: from the entered <see cref="ArrayArena"/>, else the heap.</summary>
    internal static NdArray<T> Uninitialized(params int[] shape)
    {
        int length = LengthOf(shape);
        var arena = ArrayArena.Current;
        return new NdArray<T>(arena is null ? new T[length] : arena.Rent<T>(length), shape, trusted: true);
    }

    internal static NdArray<T> UninitializedLike(NdArray<T> a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var arena = ArrayArena.Current;
        return new NdArray<T>(arena is null ? new T[a.Length] : arena.Rent<T>(a.Length), a._shape, trusted: true);
    }

    private NdArray(T[] data, int[] shape, bool trusted)
    {
        _ = trusted;
        _shape = shape;
        Data = data;
    }

    private static IArrayMath<T> Math => s_math ?? throw new NotSupportedException(
        $"Arithmetic on NdArray<{typeof(T).Name}> is not supported: use float or double elements.");

    private static readonly IArrayMath<T>? s_math =
        typeof(T) == typeof(float) ? (IArrayMath<T>)(object)new ArrayMath<float>()
        : typeof(T) == typeof(double) ? (IArrayMath<T>)(object)new ArrayMath<double>()
        : null;

    internal static string Format(ReadOnlySpan<int> shape)
    {
        var text = new StringBuilder("(");
        for (int i = 0; i < shape.Length; i++)
        {
            text.Append(i == 0 ? "" : ", ").Append(shape[i] < 0 ? "*" : shape[i].ToString(CultureInfo.InvariantCulture));
        }

        return text.Append(')').ToString();
    }

    private static int LengthOf(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long length = 1;
        foreach (int size in shape)
        {
            if (size < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(shape), $"shape {Format(shape)} has a negative size.");
            }

            length *= size;
            if (length > Array.MaxLength)
            {
                throw new ArgumentOutOfRangeException(nameof(shape), $"shape {Format(shape)} is too large.");
            }
        }

        return (int)length;
    }

    private int Offset(int i, int j)
    {
        RequireRank(2);
        CheckIndex(i, 0, nameof(i));
        CheckIndex(j, 1, nameof(j));
        return i * _shape[1] + j;
    }

    private int Offset(int i, int j, int k)
    {
        RequireRank(3);
        CheckIndex(i, 0, nameof(i));
        CheckIndex(j, 1, nameof(j));
        CheckIndex(k, 2, nameof(k));
        return (i * _shape[1] + j) * _shape[2] + k;
    }

    private void RequireRank(int rank)
    {
        if (_shape.Length != rank)
        {
            throw new InvalidOperationException($"{rank} indices given for an array of shape {ShapeText}.");
        }
    }

    private void CheckIndex(int index, int axis, string name)
    {
        if ((uint)index >= (uint)_shape[axis])
        {
            throw new ArgumentOutOfRangeException(
                name, $"index {index} is outside axis {axis} of an array of shape {ShapeText}.");
        }
    }

    private void AppendAxis(StringBuilder text, int axis, int offset)
    {
        const int Shown = 6;
        if (axis == _shape.Length)
        {
            text.Append(string.Format(CultureInfo.InvariantCulture, "{0:G6}", Data[offset]));
            return;
        }

        int stride = 1;
        for (int a = axis + 1; a < _shape.Length; a++)
        {
            stride *= _shape[a];
        }

        text.Append('[');
        for (int i = 0; i < _shape[axis]; i++)
        {
            if (i == Shown / 2 && _shape[axis] > Shown)
            {
                text.Append("..., ");
                i = _shape[axis] - Shown / 2;
            }

            AppendAxis(text, axis + 1, offset + i * stride);
            text.Append(i < _shape[axis] - 1 ? ", " : "");
        }

        text.Append(']');
    }
}
