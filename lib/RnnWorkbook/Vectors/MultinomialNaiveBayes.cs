namespace RnnWorkbook.Vectors;

/// <summary>
/// Multinomial naive Bayes (다항 나이브 베이즈) on term counts, as scikit-learn's <c>MultinomialNB</c>:
/// <code>
/// log P(c)      = ln(documents of class c / documents)
/// log P(t | c)  = ln((N(t, c) + α) / (Σ_t' N(t', c) + α V))       N(t, c): count of t in class c
/// score(c | x)  = log P(c) + Σ_t x_t log P(t | c)                 predict the class with the highest score
/// </code>
/// α (Laplace smoothing when 1) keeps a term unseen in a class from making its probability zero.
/// </summary>
public sealed class MultinomialNaiveBayes
{
    private double[]? _classLogPrior;
    private double[,]? _featureLogProb; // (classes, features)

    /// <summary>Creates an unfitted model.</summary>
    /// <param name="alpha">The additive smoothing (<c>alpha</c>); 1 by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is negative or not finite.</exception>
    public MultinomialNaiveBayes(double alpha = 1.0)
    {
        if (!(alpha >= 0) || double.IsInfinity(alpha))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be a finite number of at least 0.");
        Alpha = alpha;
    }

    /// <summary>The additive smoothing.</summary>
    public double Alpha { get; }

    /// <summary>The number of classes (labels 0 .. Classes − 1).</summary>
    public int Classes { get; private set; }

    /// <summary>The number of features the model was fitted on.</summary>
    public int Features { get; private set; }

    /// <summary>log P(c) of each class.</summary>
    public IReadOnlyList<double> ClassLogPrior => _classLogPrior ?? throw NotFitted();

    /// <summary>log P(t | c) of feature <paramref name="feature"/> in class <paramref name="label"/>.</summary>
    public double FeatureLogProbability(int label, int feature) =>
        (_featureLogProb ?? throw NotFitted())[label, feature];

    /// <summary>Fits the model to counts (or any non-negative features) and labels 0 .. classes − 1.</summary>
    /// <exception cref="ArgumentException">Labels and rows differ in number, a label is out of range, or a feature is negative.</exception>
    public MultinomialNaiveBayes Fit(CsrMatrix x, IReadOnlyList<int> labels, int? classes = null)
    {
        var k = Labels.Validate(x, labels, classes);
        for (var r = 0; r < x.Rows; r++)
        {
            var row = x.Row(r);
            for (var j = 0; j < row.Count; j++)
            {
                if (row.Values[j] < 0)
                    throw new ArgumentException($"x: row {r} has the negative value {row.Values[j]} at column {row.Indices[j]}; naive Bayes needs counts.", nameof(x));
            }
        }

        _featureLogProb = FeatureLogProbabilities(ClassTermCounts(x, labels, k), Alpha);
        _classLogPrior = ClassLogPriors(labels, k);
        Classes = k;
        Features = x.Columns;
        return this;
    }

    #region Fit
    /// <summary>N(t, c): the total count of every term t in the rows of every class c, (classes, terms).</summary>
    public static double[,] ClassTermCounts(CsrMatrix x, IReadOnlyList<int> labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != x.Rows)
            throw new ArgumentException($"labels: expected {x.Rows} (one per row of x), got {labels.Count}.", nameof(labels));
        var counts = new double[classes, x.Columns];
        for (var r = 0; r < x.Rows; r++)
        {
            if ((uint)labels[r] >= (uint)classes)
                throw new ArgumentException($"labels[{r}] = {labels[r]} is not in 0 .. {classes - 1}.", nameof(labels));
            var row = x.Row(r);
            for (var j = 0; j < row.Count; j++)
                counts[labels[r], row.Indices[j]] += row.Values[j];
        }

        return counts;
    }

    /// <summary>log P(t | c) = ln((N(t, c) + α) / (Σ_t' N(t', c) + α V)), (classes, terms).</summary>
    public static double[,] FeatureLogProbabilities(double[,] counts, double alpha)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (!(alpha >= 0))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be at least 0.");
        int classes = counts.GetLength(0), terms = counts.GetLength(1);
        var logP = new double[classes, terms];
        for (var c = 0; c < classes; c++)
        {
            double total = 0;                               // Σ_t' N(t', c) + α V
            for (var t = 0; t < terms; t++)
                total += counts[c, t] + alpha;
            for (var t = 0; t < terms; t++)
                logP[c, t] = Math.Log(counts[c, t] + alpha) - Math.Log(total);
        }

        return logP;
    }

    /// <summary>log P(c) = ln(documents of class c / documents).</summary>
    public static double[] ClassLogPriors(IReadOnlyList<int> labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var documents = new double[classes];
        foreach (var c in labels)
        {
            if ((uint)c >= (uint)classes)
                throw new ArgumentException($"labels: {c} is not in 0 .. {classes - 1}.", nameof(labels));
            documents[c]++;
        }

        return documents.Select(n => Math.Log(n / labels.Count)).ToArray();
    }
    #endregion

    #region Predict
    /// <summary>score(c | x) = log P(c) + Σ_t x_t log P(t | c) for every row and class, row-major (rows, classes).</summary>
    public static double[] JointLogLikelihood(CsrMatrix x, IReadOnlyList<double> classLogPrior, double[,] featureLogProbabilities)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(classLogPrior);
        ArgumentNullException.ThrowIfNull(featureLogProbabilities);
        var classes = classLogPrior.Count;
        if (featureLogProbabilities.GetLength(0) != classes || featureLogProbabilities.GetLength(1) != x.Columns)
        {
            throw new ArgumentException($"featureLogProbabilities: expected ({classes}, {x.Columns}), got " +
                $"({featureLogProbabilities.GetLength(0)}, {featureLogProbabilities.GetLength(1)}).", nameof(featureLogProbabilities));
        }

        var scores = new double[x.Rows * classes];
        for (var r = 0; r < x.Rows; r++)
        {
            var row = x.Row(r);
            for (var c = 0; c < classes; c++)
            {
                var s = classLogPrior[c];
                for (var j = 0; j < row.Count; j++)
                    s += row.Values[j] * featureLogProbabilities[c, row.Indices[j]];
                scores[(r * classes) + c] = s;
            }
        }

        return scores;
    }
    #endregion

    /// <summary>The unnormalized log posterior of every class for every row, row-major (rows, classes).</summary>
    public double[] JointLogLikelihood(CsrMatrix x)
    {
        var flp = _featureLogProb ?? throw NotFitted();
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != Features)
            throw new ArgumentException($"x: expected {Features} columns, got {x.Columns}.", nameof(x));
        return JointLogLikelihood(x, _classLogPrior!, flp);
    }

    /// <summary>The most probable class of each row (the first on a tie, as numpy's argmax).</summary>
    public int[] Predict(CsrMatrix x) => Labels.ArgMax(JointLogLikelihood(x), Classes);

    /// <summary>
    /// The features that most favour <paramref name="label"/> over the other classes: the largest
    /// log P(t | label) − max over other classes log P(t | c).
    /// </summary>
    public IReadOnlyList<(int Feature, double LogRatio)> MostIndicative(int label, int count)
    {
        var flp = _featureLogProb ?? throw NotFitted();
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)label, (uint)Classes, nameof(label));
        var ratios = new (int, double)[Features];
        for (var t = 0; t < Features; t++)
        {
            var other = double.NegativeInfinity;
            for (var c = 0; c < Classes; c++)
            {
                if (c != label)
                    other = Math.Max(other, flp[c, t]);
            }

            ratios[t] = (t, flp[label, t] - other);
        }

        return ratios.OrderByDescending(p => p.Item2).ThenBy(p => p.Item1).Take(count).ToArray();
    }

    private static InvalidOperationException NotFitted() => new("The model is not fitted: call Fit first.");
}
