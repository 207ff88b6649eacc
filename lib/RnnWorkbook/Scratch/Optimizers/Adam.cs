using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>Adam (Kingma &amp; Ba, 2015, Algorithm 1): a step per parameter scaled by running moments of the gradient.</summary>
/// <remarks>
/// For each parameter θ with gradient g at step t = 1, 2, …:
/// <code>
///   m ← β₁ m + (1 − β₁) g          v ← β₂ v + (1 − β₂) g²
///   m̂ = m / (1 − β₁ᵗ)              v̂ = v / (1 − β₂ᵗ)        (bias correction: m and v start at 0)
///   θ ← θ − α m̂ / (√v̂ + ε)
/// </code>
/// This is the paper's form, the same as torch.optim.Adam. The moments are allocated on the first step and
/// belong to the parameter at the same position in the list.
/// </remarks>
public sealed class Adam<T> : IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private NdArray<T>[]? _m, _v;

    /// <summary>Creates the optimizer; the defaults are the paper's.</summary>
    public Adam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(learningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(beta1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(beta1, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(beta2);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(beta2, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        (LearningRate, Beta1, Beta2, Epsilon) = (learningRate, beta1, beta2, epsilon);
    }

    /// <summary>The step size α; may be changed between steps.</summary>
    public double LearningRate { get; set; }

    /// <summary>Decay rate β₁ of the first moment.</summary>
    public double Beta1 { get; }

    /// <summary>Decay rate β₂ of the second moment.</summary>
    public double Beta2 { get; }

    /// <summary>ε, added to √v̂ to avoid dividing by zero.</summary>
    public double Epsilon { get; }

    /// <summary>The number of updates made so far (t).</summary>
    public int Steps { get; private set; }

    /// <inheritdoc/>
    public void Update(IReadOnlyList<NdArray<T>> parameters, IReadOnlyList<NdArray<T>> grads)
    {
        OptimizerChecks.Require(parameters, grads);
        if (_m is null || _v is null || _m.Length != parameters.Count)
        {
            _m = new NdArray<T>[parameters.Count];
            _v = new NdArray<T>[parameters.Count];
            for (int i = 0; i < parameters.Count; i++)
            {
                _m[i] = new NdArray<T>([.. parameters[i].Shape]);
                _v[i] = new NdArray<T>([.. parameters[i].Shape]);
            }
        }

        Steps++;
        var coefficients = new Coefficients(
            T.CreateChecked(Beta1), T.CreateChecked(Beta2),
            T.CreateChecked(1.0 / (1.0 - Math.Pow(Beta1, Steps))), T.CreateChecked(1.0 / (1.0 - Math.Pow(Beta2, Steps))),
            T.CreateChecked(LearningRate), T.CreateChecked(Epsilon));
        for (int i = 0; i < parameters.Count; i++)
        {
            UpdateOne(parameters[i].Data, grads[i].Data, _m[i].Data, _v[i].Data, coefficients);
        }
    }

    private static void UpdateOne(Span<T> theta, ReadOnlySpan<T> g, Span<T> m, Span<T> v, Coefficients c)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            Vector<T> b1 = new(c.Beta1), b2 = new(c.Beta2), oneMinusB1 = new(T.One - c.Beta1), oneMinusB2 = new(T.One - c.Beta2);
            Vector<T> mScale = new(c.MScale), vScale = new(c.VScale), rate = new(c.Rate), eps = new(c.Epsilon);
            for (; i + Vector<T>.Count <= theta.Length; i += Vector<T>.Count)
            {
                var gi = new Vector<T>(g[i..]);
                var mi = b1 * new Vector<T>(m[i..]) + oneMinusB1 * gi;
                var vi = b2 * new Vector<T>(v[i..]) + oneMinusB2 * gi * gi;
                mi.CopyTo(m[i..]);
                vi.CopyTo(v[i..]);
                (new Vector<T>(theta[i..]) - rate * (mi * mScale) / (Vector.SquareRoot(vi * vScale) + eps)).CopyTo(theta[i..]);
            }
        }

        for (; i < theta.Length; i++)
        {
            m[i] = c.Beta1 * m[i] + (T.One - c.Beta1) * g[i];
            v[i] = c.Beta2 * v[i] + (T.One - c.Beta2) * g[i] * g[i];
            theta[i] -= c.Rate * (m[i] * c.MScale) / (T.Sqrt(v[i] * c.VScale) + c.Epsilon);
        }
    }

    // 1/(1 − β₁ᵗ) and 1/(1 − β₂ᵗ) are MScale and VScale: the bias corrections of this step.
    private readonly record struct Coefficients(T Beta1, T Beta2, T MScale, T VScale, T Rate, T Epsilon);
}
