namespace RnnWorkbook.Scratch;

/// <summary>
/// Shape checks at layer boundaries. A mismatch throws an <see cref="ArgumentException"/> naming the
/// argument, the expected and the actual shape, e.g. "xs: expected (32, 35, 128), got (32, 35, 64)".
/// </summary>
/// <remarks>
/// Layers written in a notebook use it as the library's do: <c>ShapeCheck.Require(x, nameof(x), ShapeCheck.Any, D)</c>.
/// One overload per rank so that a passing check allocates nothing (no params array).
/// </remarks>
public static class ShapeCheck
{
    /// <summary>Marks an axis whose size is free; the message shows the actual size there.</summary>
    public const int Any = -1;

    /// <summary>Requires x to have shape (d0); <see cref="Any"/> leaves an axis free.</summary>
    /// <exception cref="ArgumentException">The shape differs; the message names the argument, the expected and the actual shape.</exception>
    public static void Require<T>(NdArray<T> x, string name, int d0) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.Rank != 1 || !Fits(d0, x.Dim(0)))
        {
            Throw(x, name, [d0]);
        }
    }

    /// <summary>Requires x to have shape (d0, d1); <see cref="Any"/> leaves an axis free.</summary>
    /// <exception cref="ArgumentException">The shape differs; the message names the argument, the expected and the actual shape.</exception>
    public static void Require<T>(NdArray<T> x, string name, int d0, int d1) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.Rank != 2 || !Fits(d0, x.Dim(0)) || !Fits(d1, x.Dim(1)))
        {
            Throw(x, name, [d0, d1]);
        }
    }

    /// <summary>Requires x to have shape (d0, d1, d2); <see cref="Any"/> leaves an axis free.</summary>
    /// <exception cref="ArgumentException">The shape differs; the message names the argument, the expected and the actual shape.</exception>
    public static void Require<T>(NdArray<T> x, string name, int d0, int d1, int d2) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.Rank != 3 || !Fits(d0, x.Dim(0)) || !Fits(d1, x.Dim(1)) || !Fits(d2, x.Dim(2)))
        {
            Throw(x, name, [d0, d1, d2]);
        }
    }

    private static bool Fits(int expected, int actual) => expected == Any || expected == actual;

    private static void Throw<T>(NdArray<T> x, string name, int[] expected) where T : unmanaged
    {
        if (x.Rank == expected.Length)
        {
            for (int axis = 0; axis < expected.Length; axis++)
            {
                expected[axis] = expected[axis] == Any ? x.Dim(axis) : expected[axis];
            }
        }

        throw new ArgumentException($"{name}: expected {NdArray<T>.Format(expected)}, got {x.ShapeText}", name);
    }
}
