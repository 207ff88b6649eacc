namespace RnnWorkbook.Vectors;

/// <summary>
/// Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, algorithms 7.4 and 7.5) with a
/// backtracking line search that keeps the Armijo condition: a quasi-Newton method that approximates the
/// inverse Hessian from the last few steps and gradient changes, so a smooth convex objective with many
/// parameters converges in tens or hundreds of steps rather than thousands.
/// </summary>
internal static class Lbfgs
{
    /// <summary>Minimises <paramref name="evaluate"/> (value, and gradient written to its second argument) from <paramref name="x"/>, in place.</summary>
    public static (int Iterations, bool Converged, double Value) Minimize(
        Func<double[], double[], double> evaluate, double[] x, int maxIterations, double tolerance, int memory)
    {
        var n = x.Length;
        var g = new double[n];
        var f = evaluate(x, g);
        var s = new List<double[]>();
        var y = new List<double[]>();
        var rho = new List<double>();
        var direction = new double[n];
        var trial = new double[n];
        var trialGradient = new double[n];
        var alpha = new double[memory];

        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            if (MaxAbs(g) <= tolerance)
                return (iteration, true, f);

            // Two-loop recursion: direction = −H g.
            Array.Copy(g, direction, n);
            for (var k = s.Count - 1; k >= 0; k--)
            {
                alpha[k] = rho[k] * Dot(s[k], direction);
                Axpy(-alpha[k], y[k], direction);
            }

            var gamma = s.Count > 0 ? Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]) : 1.0;
            for (var i = 0; i < n; i++)
                direction[i] *= gamma;
            for (var k = 0; k < s.Count; k++)
            {
                var beta = rho[k] * Dot(y[k], direction);
                Axpy(alpha[k] - beta, s[k], direction);
            }

            for (var i = 0; i < n; i++)
                direction[i] = -direction[i];

            var slope = Dot(g, direction);
            if (slope >= 0)
            {
                // Not a descent direction (curvature information went stale): restart from steepest descent.
                s.Clear();
                y.Clear();
                rho.Clear();
                for (var i = 0; i < n; i++)
                    direction[i] = -g[i];
                slope = Dot(g, direction);
            }

            var step = s.Count == 0 ? Math.Min(1.0, 1.0 / Math.Sqrt(Dot(g, g))) : 1.0;
            double trialValue;
            var backtracks = 0;
            while (true)
            {
                for (var i = 0; i < n; i++)
                    trial[i] = x[i] + (step * direction[i]);
                trialValue = evaluate(trial, trialGradient);
                if (double.IsNaN(trialValue) || double.IsInfinity(trialValue))
                {
                    if (++backtracks > 60)
                        throw new ArithmeticException($"L-BFGS iteration {iteration + 1}: the objective is {trialValue} at every step tried; the features may hold NaN or huge values.");
                    step *= 0.5;
                    continue;
                }

                if (trialValue <= f + (1e-4 * step * slope) || ++backtracks > 60)
                    break;
                step *= 0.5;
            }

            var sk = new double[n];
            var yk = new double[n];
            for (var i = 0; i < n; i++)
            {
                sk[i] = trial[i] - x[i];
                yk[i] = trialGradient[i] - g[i];
            }

            var previous = f;
            Array.Copy(trial, x, n);
            Array.Copy(trialGradient, g, n);
            f = trialValue;

            var curvature = Dot(sk, yk);
            if (curvature > 1e-12 * Math.Sqrt(Dot(sk, sk) * Dot(yk, yk)))
            {
                if (s.Count == memory)
                {
                    s.RemoveAt(0);
                    y.RemoveAt(0);
                    rho.RemoveAt(0);
                }

                s.Add(sk);
                y.Add(yk);
                rho.Add(1 / curvature);
            }

            if (previous - f <= 1e-15 * Math.Max(1, Math.Abs(f)) && backtracks > 60)
                return (iteration + 1, MaxAbs(g) <= tolerance, f);
        }

        return (maxIterations, MaxAbs(g) <= tolerance, f);
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++)
            y[i] += a * x[i];
    }

    private static double MaxAbs(double[] a)
    {
        double max = 0;
        foreach (var v in a)
            max = Math.Max(max, Math.Abs(v));
        return max;
    }
}
