using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// Seeded standard-normal numbers (NumPy's <c>randn</c>) made by the Box–Muller transform over
/// <see cref="Random"/>(seed), so that weights, and therefore loss curves, repeat exactly for a seed.
/// </summary>
/// <remarks>
/// Box–Muller: for u₁ in (0, 1] and u₂ in [0, 1), r = √(−2 ln u₁) and θ = 2πu₂ give two independent
/// standard normals r·cos θ and r·sin θ. Numbers are made in double and rounded to the array's type, so a
/// float and a double model built with the same seed start from the same weights.
/// </remarks>
public sealed class NormalRandom
{
    private readonly Random _uniform;
    private double _spare;
    private bool _hasSpare;

    /// <summary>Creates a generator whose sequence depends only on <paramref name="seed"/>.</summary>
    public NormalRandom(int seed) => _uniform = new Random(seed);

    /// <summary>The next standard-normal number.</summary>
    public double Next()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        double u1 = 1.0 - _uniform.NextDouble();
        double u2 = _uniform.NextDouble();
        double r = Math.Sqrt(-2.0 * Math.Log(u1));
        double theta = 2.0 * Math.PI * u2;
        _spare = r * Math.Sin(theta);
        _hasSpare = true;
        return r * Math.Cos(theta);
    }

    /// <summary>A new array of the given shape filled with <c>scale · randn</c>.</summary>
    public NdArray<T> Randn<T>(double scale, params int[] shape) where T : unmanaged, INumberBase<T>
    {
        var array = new NdArray<T>(shape);
        Fill(array, scale);
        return array;
    }

    /// <summary>Overwrites every element of <paramref name="array"/> with <c>scale · randn</c>.</summary>
    public void Fill<T>(NdArray<T> array, double scale) where T : unmanaged, INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(array);
        for (int i = 0; i < array.Length; i++)
        {
            array.Data[i] = T.CreateChecked(scale * Next());
        }
    }
}
