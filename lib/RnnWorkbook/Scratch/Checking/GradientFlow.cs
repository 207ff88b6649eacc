using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// Measurements for vanishing and exploding gradients: a recurrent matrix whose spectral radius is chosen
/// exactly, and the size of a gradient such as ∂L/∂h_t at every time step.
/// </summary>
/// <remarks>
/// Going back one step multiplies the gradient by the Jacobian of h_t = tanh(a_t) with respect to h_{t-1}:
/// <code>
///   ∂L/∂h_{t-1} = (∂L/∂h_t ⊙ (1 − h_t²)) W_hhᵀ
/// </code>
/// With W_hh = ρQ, Q orthogonal, the matrix part scales every vector by exactly ρ, and tanh's factor is at
/// most 1, so k steps back the gradient is at most ρᵏ times as large: it vanishes for ρ &lt; 1 and can only
/// explode for ρ &gt; 1.
/// </remarks>
public static class GradientFlow
{
    /// <summary>
    /// ρQ for a random orthogonal Q (Gram–Schmidt on the columns of a seeded Gaussian matrix): every eigenvalue
    /// has modulus ρ and ‖v ρQ‖ = ρ‖v‖ for every row vector v.
    /// </summary>
    /// <param name="size">H: the matrix is H × H.</param>
    /// <param name="spectralRadius">ρ ≥ 0.</param>
    /// <param name="seed">Seed of the Gaussian matrix.</param>
    public static NdArray<T> ScaledOrthogonal<T>(int size, double spectralRadius, int seed = Workbook.DefaultSeed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfNegative(spectralRadius);
        var gaussian = new NormalRandom(seed).Randn<double>(1.0, size, size);
        var q = new double[size, size];
        var column = new double[size];
        for (int j = 0; j < size; j++)
        {
            for (int i = 0; i < size; i++)
            {
                column[i] = gaussian[i, j];
            }

            // Modified Gram–Schmidt: remove the parts along the columns already made, one at a time.
            for (int k = 0; k < j; k++)
            {
                double dot = 0;
                for (int i = 0; i < size; i++)
                {
                    dot += column[i] * q[i, k];
                }

                for (int i = 0; i < size; i++)
                {
                    column[i] -= dot * q[i, k];
                }
            }

            double norm = Math.Sqrt(column.Sum(v => v * v));
            for (int i = 0; i < size; i++)
            {
                q[i, j] = column[i] / norm;
            }
        }

        var w = new NdArray<T>(size, size);
        for (int i = 0; i < size; i++)
        {
            for (int j = 0; j < size; j++)
            {
                w[i, j] = T.CreateChecked(spectralRadius * q[i, j]);
            }
        }

        return w;
    }

    /// <summary>‖a[:, t, :]‖ for t = 0 … T−1 of a (B, T, H) array, the Euclidean norm over batch and features.</summary>
    public static double[] NormPerStep<T>(NdArray<T> a)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rank != 3)
        {
            throw new ArgumentException($"a: expected (B, T, H), got {a.ShapeText}.", nameof(a));
        }

        var norms = new double[a.Dim(1)];
        for (int t = 0; t < norms.Length; t++)
        {
            double sum = 0;
            for (int n = 0; n < a.Dim(0); n++)
            {
                for (int j = 0; j < a.Dim(2); j++)
                {
                    double v = double.CreateChecked(a[n, t, j]);
                    sum += v * v;
                }
            }

            norms[t] = Math.Sqrt(sum);
        }

        return norms;
    }
}
