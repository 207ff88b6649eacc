namespace RnnWorkbook.Vectors;

/// <summary>
/// L2-regularised logistic regression (로지스틱 회귀) on sparse features, fitted from scratch with L-BFGS. It
/// minimises scikit-learn's objective for <c>LogisticRegression(C=C)</c> with the lbfgs solver, divided by n:
/// <code>
/// two classes:  z = x·w + b,   loss = Σ_i [ln(1 + e^z_i) − y_i z_i]            P(y=1|x) = σ(z)
/// K classes:    z = x·W + b,   loss = Σ_i [ln Σ_k e^z_ik − z_i,y_i]           P(y=k|x) = softmax(z)_k
/// minimise      loss + ‖W‖² / (2C)                                            (the intercept is not penalised)
/// </code>
/// so the fitted weights, probabilities and predictions can be compared with scikit-learn's.
/// </summary>
public sealed class LogisticRegression
{
    private double[]? _weights; // (features, outputs) row-major
    private double[]? _intercepts;

    /// <summary>Creates an unfitted model.</summary>
    /// <param name="c">The inverse regularisation strength (<c>C</c>): smaller is a stronger penalty.</param>
    /// <param name="maxIterations">The most L-BFGS iterations (<c>max_iter</c>).</param>
    /// <param name="tolerance">Stop when the largest gradient entry of the averaged objective is below this (<c>tol</c>).</param>
    /// <param name="memory">How many past steps L-BFGS keeps to approximate the curvature.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not positive.</exception>
    public LogisticRegression(double c = 1.0, int maxIterations = 1000, double tolerance = 1e-6, int memory = 10)
    {
        if (!(c > 0) || double.IsInfinity(c))
            throw new ArgumentOutOfRangeException(nameof(c), c, "C must be a positive, finite number.");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        if (!(tolerance > 0))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must be positive.");
        ArgumentOutOfRangeException.ThrowIfLessThan(memory, 1);
        C = c;
        MaxIterations = maxIterations;
        Tolerance = tolerance;
        Memory = memory;
    }

    /// <summary>The inverse regularisation strength.</summary>
    public double C { get; }

    /// <summary>The most L-BFGS iterations.</summary>
    public int MaxIterations { get; }

    /// <summary>The gradient tolerance.</summary>
    public double Tolerance { get; }

    /// <summary>The L-BFGS memory.</summary>
    public int Memory { get; }

    /// <summary>The number of classes.</summary>
    public int Classes { get; private set; }

    /// <summary>The number of features.</summary>
    public int Features { get; private set; }

    /// <summary>Iterations the last fit took.</summary>
    public int Iterations { get; private set; }

    /// <summary>Whether the last fit reached the tolerance (rather than the iteration limit).</summary>
    public bool Converged { get; private set; }

    /// <summary>The averaged objective at the end of the last fit.</summary>
    public double FinalObjective { get; private set; }

    /// <summary>Columns of the weight matrix: 1 for two classes (the weight of class 1), else one per class.</summary>
    public int Outputs => Classes == 2 ? 1 : Classes;

    /// <summary>The weight of feature <paramref name="feature"/> for output <paramref name="output"/>.</summary>
    public double Weight(int feature, int output) => (_weights ?? throw NotFitted())[(feature * Outputs) + output];

    /// <summary>The intercept of each output.</summary>
    public IReadOnlyList<double> Intercepts => _intercepts ?? throw NotFitted();

    /// <summary>Fits the model to features and labels 0 .. classes − 1.</summary>
    /// <param name="x">The features, one row per example.</param>
    /// <param name="labels">The class of each row.</param>
    /// <param name="classes">The number of classes; by default one more than the largest label.</param>
    /// <param name="startFrom">A model fitted on the same features and classes (scikit-learn's <c>warm_start</c>):
    /// L-BFGS starts from its weights instead of zeros. The objective is convex, so the optimum is the same; a start
    /// near it (a neighbouring C, or the same C on a subset) saves most of the iterations.</param>
    /// <exception cref="ArgumentException">Labels and rows differ in number, a label is out of range, or
    /// <paramref name="startFrom"/> has other features or classes.</exception>
    /// <exception cref="ArithmeticException">The objective became NaN or infinite; the message names the iteration.</exception>
    public LogisticRegression Fit(CsrMatrix x, IReadOnlyList<int> labels, int? classes = null, LogisticRegression? startFrom = null)
    {
        Classes = Labels.Validate(x, labels, classes);
        Features = x.Columns;
        var m = Outputs;
        var theta = new double[(Features * m) + m];
        if (startFrom is not null)
        {
            if (startFrom._weights is null || startFrom.Features != Features || startFrom.Classes != Classes)
            {
                throw new ArgumentException(
                    $"startFrom: expected a model fitted on {Features} features and {Classes} classes, got " +
                    (startFrom._weights is null ? "an unfitted one." : $"{startFrom.Features} features and {startFrom.Classes} classes."),
                    nameof(startFrom));
            }

            startFrom._weights.CopyTo(theta, 0);
            startFrom._intercepts!.CopyTo(theta, Features * m);
        }

        var (iterations, converged, value) = Lbfgs.Minimize((point, gradient) => Objective(x, labels, m, C, point, gradient), theta, MaxIterations, Tolerance, Memory);
        _weights = theta[..(Features * m)];
        _intercepts = theta[(Features * m)..];
        Iterations = iterations;
        Converged = converged;
        FinalObjective = value;
        return this;
    }

    /// <summary>The scores z of each row, row-major (rows, <see cref="Outputs"/>).</summary>
    public double[] DecisionFunction(CsrMatrix x)
    {
        var w = _weights ?? throw NotFitted();
        if (x.Columns != Features)
            throw new ArgumentException($"x: expected {Features} columns, got {x.Columns}.", nameof(x));
        var z = x.Multiply(w, Outputs);
        for (var r = 0; r < x.Rows; r++)
        {
            for (var k = 0; k < Outputs; k++)
                z[(r * Outputs) + k] += _intercepts![k];
        }

        return z;
    }

    /// <summary>P(class | row) for every row and class, row-major (rows, classes).</summary>
    public double[] PredictProbabilities(CsrMatrix x)
    {
        var z = DecisionFunction(x);
        var p = new double[x.Rows * Classes];
        for (var r = 0; r < x.Rows; r++)
        {
            if (Classes == 2)
            {
                var p1 = 1 / (1 + Math.Exp(-z[r]));
                p[2 * r] = 1 - p1;
                p[(2 * r) + 1] = p1;
                continue;
            }

            Softmax(z.AsSpan(r * Classes, Classes), p.AsSpan(r * Classes, Classes));
        }

        return p;
    }

    /// <summary>The most probable class of each row.</summary>
    public int[] Predict(CsrMatrix x)
    {
        var z = DecisionFunction(x);
        return Classes == 2 ? z.Select(v => v > 0 ? 1 : 0).ToArray() : Labels.ArgMax(z, Classes);
    }

    private static InvalidOperationException NotFitted() => new("The model is not fitted: call Fit first.");

    #region Objective
    /// <summary>
    /// The averaged objective and its gradient at θ = [W (features × outputs), b (outputs)], for labels 0 .. K − 1:
    /// <code>
    /// z_i = x_i W + b                                        scores (n, outputs)
    /// loss = (1/n) Σ_i [ln Σ_k e^z_ik − z_i,y_i] + ‖W‖² / (2Cn)   (two classes: one output, ln(1 + e^z) − y z)
    /// ∂loss/∂z_i = softmax(z_i) − onehot(y_i)                (two classes: σ(z_i) − y_i)
    /// ∇W = (1/n) Xᵀ (P − Y) + W / (Cn),   ∇b = (1/n) Σ_i (p_i − y_i)
    /// </code>
    /// Returns the loss and writes the gradient into <paramref name="gradient"/> (θ's length); <paramref name="outputs"/> is 1 for two classes, else K.
    /// </summary>
    public static double Objective(CsrMatrix x, IReadOnlyList<int> labels, int outputs, double c, double[] theta, double[] gradient)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        var n = x.Rows;
        var d = x.Columns;
        if (labels.Count != n)
            throw new ArgumentException($"labels: expected {n} (one per row of x), got {labels.Count}.", nameof(labels));
        if (theta.Length != (d * outputs) + outputs || gradient.Length != theta.Length)
            throw new ArgumentException($"theta and gradient: expected {(d * outputs) + outputs} values each, got {theta.Length} and {gradient.Length}.", nameof(theta));
        var w = theta.AsSpan(0, d * outputs);
        var b = theta.AsSpan(d * outputs, outputs);
        var z = x.Multiply(w, outputs);                // (n, outputs)
        var g = new double[n * outputs];               // ∂loss/∂z
        double loss = 0;
        var p = new double[outputs];
        for (var i = 0; i < n; i++)
        {
            var zi = z.AsSpan(i * outputs, outputs);
            for (var k = 0; k < outputs; k++)
                zi[k] += b[k];
            var y = labels[i];
            if (outputs == 1)
            {
                var zz = zi[0];
                loss += Math.Max(zz, 0) + Math.Log(1 + Math.Exp(-Math.Abs(zz))) - (y * zz); // ln(1+e^z) − y z, stably
                g[i] = (1 / (1 + Math.Exp(-zz))) - y;
                continue;
            }

            loss += Softmax(zi, p) - zi[y];
            for (var k = 0; k < outputs; k++)
                g[(i * outputs) + k] = p[k] - (k == y ? 1 : 0);
        }

        var gw = x.TransposeMultiply(g, outputs);      // Xᵀ G: (d, outputs)
        double penalty = 0;
        for (var j = 0; j < gw.Length; j++)
        {
            penalty += w[j] * w[j];
            gradient[j] = (gw[j] / n) + (w[j] / (c * n));
        }

        for (var k = 0; k < outputs; k++)
        {
            double sum = 0;
            for (var i = 0; i < n; i++)
                sum += g[(i * outputs) + k];
            gradient[(d * outputs) + k] = sum / n;
        }

        return (loss / n) + (penalty / (2 * c * n));
    }

    /// <summary>Writes softmax(z) into <paramref name="p"/> and returns ln Σ_k e^z_k (log-sum-exp), both computed from z − max z so nothing overflows.</summary>
    public static double Softmax(ReadOnlySpan<double> z, Span<double> p)
    {
        var max = double.NegativeInfinity;
        foreach (var v in z)
            max = Math.Max(max, v);
        double sum = 0;
        for (var k = 0; k < z.Length; k++)
        {
            p[k] = Math.Exp(z[k] - max);
            sum += p[k];
        }

        for (var k = 0; k < z.Length; k++)
            p[k] /= sum;
        return max + Math.Log(sum);
    }
    #endregion
}
