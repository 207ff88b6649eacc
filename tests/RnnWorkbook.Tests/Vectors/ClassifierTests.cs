using RnnWorkbook.Vectors;

namespace RnnWorkbook.Tests.Vectors;

public sealed class ClassifierTests
{
    // Four documents over three terms; class 0 uses term 0, class 1 term 2.
    private static readonly CsrMatrix _x = Csr(new double[,] { { 2, 1, 0 }, { 3, 0, 0 }, { 0, 1, 2 }, { 0, 0, 4 } });
    private static readonly int[] _y = [0, 0, 1, 1];

    [Fact]
    public void Naive_bayes_probabilities_are_the_smoothed_counts_worked_by_hand()
    {
        var nb = new MultinomialNaiveBayes(alpha: 1).Fit(_x, _y);

        // Class 0 counts (5, 1, 0) + 1 = (6, 2, 1) over 9; class 1 counts (0, 1, 6) + 1 = (1, 2, 7) over 10.
        Assert.Equal(Math.Log(6.0 / 9), nb.FeatureLogProbability(0, 0), 14);
        Assert.Equal(Math.Log(7.0 / 10), nb.FeatureLogProbability(1, 2), 14);
        Assert.Equal(Math.Log(0.5), nb.ClassLogPrior[1], 14);
        var scores = nb.JointLogLikelihood(Csr(new double[,] { { 1, 0, 1 } }));
        Assert.Equal(Math.Log(0.5) + Math.Log(6.0 / 9) + Math.Log(1.0 / 9), scores[0], 14);
        Assert.Equal([0, 0, 1, 1], nb.Predict(_x));
        Assert.Equal(2, nb.MostIndicative(1, 1)[0].Feature);
    }

    [Fact]
    public void Logistic_regression_gradient_is_zero_at_the_fitted_optimum_and_matches_the_closed_form_on_a_symmetric_case()
    {
        // One feature, x = ±1 with labels 1/0, no intercept advantage: the optimum solves C·n·σ'(…) balance
        // w / C = Σ (y − σ(w x)) x  →  w = 2C (1 − σ(w)) for two points; solved by bisection here.
        var x = Csr(new double[,] { { 1 }, { -1 } });
        int[] y = [1, 0];
        var lr = new LogisticRegression(c: 2.0, tolerance: 1e-12).Fit(x, y);

        double lo = 0, hi = 10;
        for (var i = 0; i < 200; i++)
        {
            var mid = (lo + hi) / 2;
            if (mid < 2 * 2.0 * (1 - (1 / (1 + Math.Exp(-mid)))))
                lo = mid;
            else
                hi = mid;
        }

        Assert.True(lr.Converged);
        Assert.Equal(lo, lr.Weight(0, 0), 8);
        Assert.Equal(0, lr.Intercepts[0], 8);
        Assert.Equal([1, 0], lr.Predict(x));
    }

    [Fact]
    public void Naive_bayes_teaching_steps_are_the_counts_smoothing_and_sum_worked_by_hand()
    {
        var counts = MultinomialNaiveBayes.ClassTermCounts(_x, _y, 2);
        Assert.Equal((2, 3), (counts.GetLength(0), counts.GetLength(1)));
        Assert.Equal(new double[] { 5, 1, 0, 0, 1, 6 }, counts.Cast<double>());
        var logP = MultinomialNaiveBayes.FeatureLogProbabilities(counts, alpha: 1);
        Assert.Equal(Math.Log(2.0 / 9), logP[0, 1], 14);
        Assert.Equal(Math.Log(1.0 / 10), logP[1, 0], 14);
        Assert.Equal(new[] { Math.Log(0.5), Math.Log(0.5) }, MultinomialNaiveBayes.ClassLogPriors(_y, 2));
        var row = Csr(new double[,] { { 0, 2, 1 } });
        var scores = MultinomialNaiveBayes.JointLogLikelihood(row, [Math.Log(0.5), Math.Log(0.5)], logP);
        Assert.Equal(Math.Log(0.5) + (2 * Math.Log(2.0 / 10)) + Math.Log(7.0 / 10), scores[1], 14);
        Assert.Equal(new MultinomialNaiveBayes(1).Fit(_x, _y).JointLogLikelihood(row), scores);
    }

    [Fact]
    public void Logistic_regression_objective_is_ln2_at_zero_and_its_gradient_matches_finite_differences()
    {
        // Two points x = +1 (label 1) and x = −1 (label 0), θ = (w, b) = 0: each loss ln 2; ∂/∂w = ((0.5 − 1)·1 + 0.5·(−1)) / 2.
        var two = Csr(new double[,] { { 1 }, { -1 } });
        var gradient = new double[2];
        Assert.Equal(Math.Log(2), LogisticRegression.Objective(two, [1, 0], 1, 1.0, [0, 0], gradient), 14);
        Assert.Equal(new[] { -0.5, 0 }, gradient);

        var x = Csr(new double[,] { { 1, 0, 2 }, { 0, 1, 1 }, { 3, 1, 0 }, { 0, 0, 1 } });
        int[] labels = [0, 1, 2, 1];
        double[] theta = [0.3, -0.2, 0.1, 0.5, 0.4, -0.6, -0.1, 0.2, 0.7, 0.05, -0.3, 0.25];
        var analytic = new double[theta.Length];
        LogisticRegression.Objective(x, labels, 3, 0.5, theta, analytic);
        for (var j = 0; j < theta.Length; j++)
        {
            double[] plus = [.. theta], minus = [.. theta];
            plus[j] += 1e-6;
            minus[j] -= 1e-6;
            var scratch = new double[theta.Length];
            var numeric = (LogisticRegression.Objective(x, labels, 3, 0.5, plus, scratch) - LogisticRegression.Objective(x, labels, 3, 0.5, minus, scratch)) / 2e-6;
            Assert.Equal(numeric, analytic[j], 8);
        }
    }

    [Fact]
    public void Multinomial_probabilities_sum_to_one_and_separable_classes_are_learned()
    {
        var x = Csr(new double[,] { { 1, 0, 0 }, { 0.9, 0.1, 0 }, { 0, 1, 0 }, { 0.1, 0.9, 0 }, { 0, 0, 1 }, { 0, 0.1, 0.9 } });
        int[] y = [0, 0, 1, 1, 2, 2];
        var lr = new LogisticRegression(c: 10).Fit(x, y);

        var p = lr.PredictProbabilities(x);
        for (var r = 0; r < 6; r++)
            Assert.Equal(1.0, p[3 * r] + p[(3 * r) + 1] + p[(3 * r) + 2], 12);
        Assert.Equal(y, lr.Predict(x));
        Assert.Equal(3, lr.Outputs);
    }

    [Fact]
    public void A_warm_start_reaches_the_same_optimum_in_fewer_iterations()
    {
        var random = new Random(7);
        var rows = new double[300, 40];
        var y = new int[300];
        for (var r = 0; r < 300; r++)
        {
            y[r] = r % 3;
            for (var f = 0; f < 40; f++)
                rows[r, f] = random.NextDouble() < 0.15 ? random.NextDouble() + (f % 3 == y[r] ? 0.5 : 0) : 0;
        }

        var x = Csr(rows);
        var weak = new LogisticRegression(c: 1, tolerance: 1e-9).Fit(x, y);
        var cold = new LogisticRegression(c: 10, tolerance: 1e-9).Fit(x, y);
        var warm = new LogisticRegression(c: 10, tolerance: 1e-9).Fit(x, y, startFrom: weak);

        Assert.True(cold.Converged && warm.Converged);
        Assert.True(warm.Iterations < cold.Iterations, $"warm {warm.Iterations} iterations, cold {cold.Iterations}");
        for (var f = 0; f < 40; f++)
        {
            for (var k = 0; k < 3; k++)
                Assert.Equal(cold.Weight(f, k), warm.Weight(f, k), 5);
        }

        var other = Assert.Throws<ArgumentException>(() => new LogisticRegression().Fit(_x, [0, 1, 1, 0], startFrom: weak));
        Assert.Equal("startFrom", other.ParamName);
        Assert.Contains("expected a model fitted on 3 features and 2 classes, got 40 features and 3 classes", other.Message);
        Assert.Equal("startFrom", Assert.Throws<ArgumentException>(() => new LogisticRegression().Fit(x, y, startFrom: new LogisticRegression())).ParamName);
    }

    [Fact]
    public void Bad_arguments_name_themselves()
    {
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => new MultinomialNaiveBayes().Fit(_x, [0, 1])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => new LogisticRegression().Fit(_x, [0, 0, 0, 0])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => new MultinomialNaiveBayes().Fit(Csr(new double[,] { { -1 }, { 1 } }), [0, 1])).ParamName);
        Assert.Equal("c", Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegression(c: 0)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new MultinomialNaiveBayes(alpha: -1)).ParamName);
        Assert.Throws<InvalidOperationException>(() => new LogisticRegression().Predict(_x));
    }

    [Fact]
    public void Metrics_match_hand_counts()
    {
        int[] labels = [0, 0, 1, 1, 2, 2];
        int[] predictions = [0, 1, 1, 1, 0, 2];

        Assert.Equal(4.0 / 6, Metrics.Accuracy(labels, predictions), 14);
        // F1: class 0 P 1/2 R 1/2 → 0.5; class 1 P 2/3 R 1 → 0.8; class 2 P 1 R 1/2 → 2/3.
        Assert.Equal((0.5 + 0.8 + (2.0 / 3)) / 3, Metrics.MacroF1(labels, predictions, 3), 14);
        Assert.Equal(0.0, Metrics.MacroF1([0, 0], [1, 1], 2));
    }

    [Fact]
    public void Spearman_uses_mean_ranks_for_ties()
    {
        Assert.Equal([1.5, 1.5, 3, 4], Metrics.Ranks([2, 2, 5, 7]));
        Assert.Equal(1.0, Metrics.Spearman([1, 2, 3, 4], [10, 20, 30, 1000]), 14);
        Assert.Equal(-1.0, Metrics.Spearman([1, 2, 3], [3, 2, 1]), 14);
        // scipy.stats.spearmanr([1, 2, 2, 3], [1, 3, 2, 4]).correlation = 0.9486832980505138
        Assert.Equal(0.9486832980505138, Metrics.Spearman([1, 2, 2, 3], [1, 3, 2, 4]), 12);
    }

    [Fact]
    public void Stratified_folds_keep_class_shares_and_depend_only_on_the_seed()
    {
        var labels = Enumerable.Range(0, 100).Select(i => i < 70 ? 0 : 1).ToArray();

        var folds = CrossValidation.StratifiedFolds(labels, 5, seed: 3);

        Assert.Equal(folds, CrossValidation.StratifiedFolds(labels, 5, seed: 3));
        for (var k = 0; k < 5; k++)
        {
            var (train, test) = CrossValidation.Fold(folds, k);
            Assert.Equal(20, test.Length);
            Assert.Equal(14, test.Count(i => labels[i] == 0));
            Assert.Equal(80, train.Length);
        }

        var (tr, held) = CrossValidation.StratifiedSplit(labels, 0.1, seed: 3);
        Assert.Equal(10, held.Length);
        Assert.Equal(7, held.Count(i => labels[i] == 0));
        Assert.Empty(tr.Intersect(held));
    }

    internal static CsrMatrix Csr(double[,] dense)
    {
        var pointers = new List<int> { 0 };
        var columns = new List<int>();
        var values = new List<double>();
        for (var r = 0; r < dense.GetLength(0); r++)
        {
            for (var c = 0; c < dense.GetLength(1); c++)
            {
                if (dense[r, c] != 0)
                {
                    columns.Add(c);
                    values.Add(dense[r, c]);
                }
            }

            pointers.Add(columns.Count);
        }

        return new CsrMatrix(dense.GetLength(0), dense.GetLength(1), pointers.ToArray(), columns.ToArray(), values.ToArray());
    }
}
