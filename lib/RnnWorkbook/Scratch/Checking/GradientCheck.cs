namespace RnnWorkbook.Scratch;

/// <summary>
/// Checks backward passes against central differences, in double precision: the layers are generic, so a
/// <c>double</c> copy of a layer runs the very code the <c>float</c> one trains with.
/// </summary>
/// <remarks>
/// <code>
///   ∂L/∂θ_i ≈ (L(θ + ε e_i) − L(θ − ε e_i)) / 2ε          error O(ε²) from the formula, O(u/ε) from rounding
/// </code>
/// In float (u ≈ 6·10⁻⁸) the best ε ≈ 10⁻³ leaves errors near 10⁻⁵, too coarse to tell a subtle bug from
/// rounding; in double (u ≈ 10⁻¹⁶) ε = 10⁻⁵ leaves about 10⁻¹⁰, so agreement to 10⁻⁶ is a real test.
/// </remarks>
public static class GradientCheck
{
    #region NumericGradient
    /// <summary>
    /// The central-difference gradient of <paramref name="loss"/> with respect to each element of
    /// <paramref name="x"/>. <paramref name="loss"/> must run the forward pass from <paramref name="x"/>'s
    /// current values; every element is restored afterwards.
    /// </summary>
    public static NdArray<double> NumericGradient(Func<double> loss, NdArray<double> x, double epsilon = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        var gradient = new NdArray<double>([.. x.Shape]);
        for (int i = 0; i < x.Length; i++)
        {
            double original = x.Data[i];
            x.Data[i] = original + epsilon;
            double plus = loss();
            x.Data[i] = original - epsilon;
            double minus = loss();
            x.Data[i] = original;
            gradient.Data[i] = (plus - minus) / (2 * epsilon);
        }

        return gradient;
    }
    #endregion

    /// <summary>‖a − b‖ / (‖a‖ + ‖b‖) with Euclidean norms; 0 when both are zero.</summary>
    public static double RelativeError(NdArray<double> a, NdArray<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.SameShape(b))
        {
            throw new ArgumentException($"b: expected {a.ShapeText}, got {b.ShapeText}", nameof(b));
        }

        double difference = 0, normA = 0, normB = 0;
        for (int i = 0; i < a.Length; i++)
        {
            difference += (a.Data[i] - b.Data[i]) * (a.Data[i] - b.Data[i]);
            normA += a.Data[i] * a.Data[i];
            normB += b.Data[i] * b.Data[i];
        }

        double scale = Math.Sqrt(normA) + Math.Sqrt(normB);
        return scale == 0 ? 0 : Math.Sqrt(difference) / scale;
    }

    /// <summary>
    /// Compares each analytic gradient with the numerical one of the array at the same position.
    /// Run Forward and Backward once before calling, so that <paramref name="analyticGrads"/> hold the result.
    /// </summary>
    /// <param name="loss">Runs the forward pass and returns the scalar loss.</param>
    /// <param name="arrays">The parameters (or inputs) to perturb.</param>
    /// <param name="analyticGrads">Their gradients from Backward (copied before perturbing).</param>
    /// <param name="epsilon">The step ε.</param>
    public static IReadOnlyList<GradientCheckResult> Check(
        Func<double> loss, IReadOnlyList<NdArray<double>> arrays, IReadOnlyList<NdArray<double>> analyticGrads, double epsilon = 1e-5) =>
        Check(loss, arrays, analyticGrads, names: null, epsilon);

    /// <summary>
    /// Compares the gradient of each named parameter with its numerical estimate; the results carry the names.
    /// Run Forward and Backward once before calling, so that the parameters' gradients hold the result.
    /// </summary>
    /// <param name="loss">Runs the forward pass and returns the scalar loss.</param>
    /// <param name="parameters">The parameters to perturb, e.g. <c>model.Parameters</c>.</param>
    /// <param name="epsilon">The step ε.</param>
    public static IReadOnlyList<GradientCheckResult> Check(Func<double> loss, IReadOnlyList<Parameter<double>> parameters, double epsilon = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Check(loss, parameters.Values(), parameters.Gradients(), [.. parameters.Select(p => p.Name)], epsilon);
    }

    private static IReadOnlyList<GradientCheckResult> Check(
        Func<double> loss, IReadOnlyList<NdArray<double>> arrays, IReadOnlyList<NdArray<double>> analyticGrads, string[]? names, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        ArgumentNullException.ThrowIfNull(analyticGrads);
        if (arrays.Count != analyticGrads.Count)
        {
            throw new ArgumentException($"analyticGrads: expected {arrays.Count} arrays, got {analyticGrads.Count}.", nameof(analyticGrads));
        }

        var analytic = analyticGrads.Select(g => g.Clone()).ToArray();
        var results = new List<GradientCheckResult>(arrays.Count);
        for (int i = 0; i < arrays.Count; i++)
        {
            var numeric = NumericGradient(loss, arrays[i], epsilon);
            double maxAbs = 0;
            for (int j = 0; j < numeric.Length; j++)
            {
                maxAbs = Math.Max(maxAbs, Math.Abs(numeric.Data[j] - analytic[i].Data[j]));
            }

            results.Add(new GradientCheckResult(i, arrays[i].ShapeText, RelativeError(analytic[i], numeric), maxAbs, names?[i] ?? ""));
        }

        return results;
    }
}
