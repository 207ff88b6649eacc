namespace RnnWorkbook.Vectors;

/// <summary>The C chosen on held-out data, the model fitted with it, and the held-out score of every candidate.</summary>
/// <param name="C">The chosen inverse regularisation strength.</param>
/// <param name="Model">The model fitted with <paramref name="C"/> on the fitting part: a warm start for the refit.</param>
/// <param name="Scores">The held-out score of each candidate, in the grid's order.</param>
public sealed record RegularizationChoice(double C, LogisticRegression Model, IReadOnlyList<double> Scores);

/// <summary>
/// Model selection (모델 선택) for chapter 03's classifiers, shared by chapters 03 and 09: the hyperparameter
/// with the best score on held-out data (the first grid point on a tie), and stratified k-fold
/// cross-validation (교차 검증). Scores are (labels, predictions) → number, larger is better.
/// </summary>
public static class ModelSelection
{
    /// <summary>Naive Bayes' α candidates of chapters 03 and 09.</summary>
    public static IReadOnlyList<double> AlphaGrid { get; } = [0.1, 0.5, 1.0];

    /// <summary>Logistic regression's C candidates of chapters 03 and 09, ascending.</summary>
    public static IReadOnlyList<double> CGrid { get; } = [1.0, 10.0, 100.0];

    /// <summary>
    /// Chooses logistic regression's C: fits on the fitting part for each candidate in order, each fit starting
    /// from the previous candidate's weights (with an ascending grid each step weakens the penalty a little, so
    /// L-BFGS starts near the new optimum), and keeps the best score on the held-out part.
    /// </summary>
    /// <param name="xFit">Features of the fitting part.</param>
    /// <param name="yFit">Its labels.</param>
    /// <param name="xHeld">Features of the held-out part (the same columns).</param>
    /// <param name="yHeld">Its labels.</param>
    /// <param name="classes">K.</param>
    /// <param name="grid">The candidates, ascending for the warm start to help.</param>
    /// <param name="score">(labels, predictions) → number to maximise.</param>
    /// <exception cref="ArgumentException">The grid is empty, or a part's labels and rows disagree.</exception>
    public static RegularizationChoice ChooseC(CsrMatrix xFit, IReadOnlyList<int> yFit, CsrMatrix xHeld, IReadOnlyList<int> yHeld,
        int classes, IReadOnlyList<double> grid, Func<int[], int[], double> score)
    {
        ArgumentNullException.ThrowIfNull(xHeld);
        var heldLabels = HeldLabels(xHeld, yHeld);
        CheckGrid(grid);
        ArgumentNullException.ThrowIfNull(score);
        var scores = new double[grid.Count];
        var models = new LogisticRegression[grid.Count];
        LogisticRegression? previous = null;
        for (var i = 0; i < grid.Count; i++)
        {
            previous = models[i] = new LogisticRegression(grid[i]).Fit(xFit, yFit, classes, startFrom: previous);
            scores[i] = score(heldLabels, previous.Predict(xHeld));
        }

        var best = BestIndex(scores);
        return new RegularizationChoice(grid[best], models[best], scores);
    }

    /// <summary>
    /// Chooses C on a stratified held-out share of <paramref name="x"/>'s rows (the rest is the fitting part), as
    /// <see cref="ChooseC(CsrMatrix, IReadOnlyList{int}, CsrMatrix, IReadOnlyList{int}, int, IReadOnlyList{double}, Func{int[], int[], double})"/> does.
    /// </summary>
    /// <param name="x">Features, one row per example.</param>
    /// <param name="y">Their labels.</param>
    /// <param name="classes">K.</param>
    /// <param name="grid">The candidates, ascending for the warm start to help.</param>
    /// <param name="score">(labels, predictions) → number to maximise.</param>
    /// <param name="heldOutShare">The share held out, in (0, 1); 10 % in chapter 03.</param>
    /// <param name="seed">Seeds the split.</param>
    public static RegularizationChoice ChooseC(CsrMatrix x, IReadOnlyList<int> y, int classes, IReadOnlyList<double> grid,
        Func<int[], int[], double> score, double heldOutShare = 0.1, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count != x.Rows)
        {
            throw new ArgumentException($"y: expected {x.Rows} (one per row of x), got {y.Count}.", nameof(y));
        }

        var (fit, held) = CrossValidation.StratifiedSplit(y, heldOutShare, seed);
        return ChooseC(x.SelectRows(fit), CrossValidation.Take(y, fit), x.SelectRows(held), CrossValidation.Take(y, held), classes, grid, score);
    }

    /// <summary>Chooses naive Bayes' smoothing α: the candidate whose model, fitted on the fitting part, scores best on the held-out part.</summary>
    /// <exception cref="ArgumentException">The grid is empty, or a part's labels and rows disagree.</exception>
    public static double ChooseAlpha(CsrMatrix xFit, IReadOnlyList<int> yFit, CsrMatrix xHeld, IReadOnlyList<int> yHeld,
        int classes, IReadOnlyList<double> grid, Func<int[], int[], double> score)
    {
        ArgumentNullException.ThrowIfNull(xHeld);
        var heldLabels = HeldLabels(xHeld, yHeld);
        CheckGrid(grid);
        ArgumentNullException.ThrowIfNull(score);
        var scores = grid.Select(alpha => score(heldLabels, new MultinomialNaiveBayes(alpha).Fit(xFit, yFit, classes).Predict(xHeld))).ToArray();
        return grid[BestIndex(scores)];
    }

    /// <summary>
    /// Stratified k-fold cross-validation: each fold of <see cref="CrossValidation.StratifiedFolds"/> is the test
    /// part once, the other folds the training part; <paramref name="evaluate"/> gets (train indices, test
    /// indices) and returns that fold's result. The results come in fold order.
    /// </summary>
    /// <typeparam name="TResult">What one fold gives.</typeparam>
    /// <param name="labels">The class of every example (the folds keep their proportions).</param>
    /// <param name="folds">k, at least 2.</param>
    /// <param name="evaluate">(train, test) → the fold's result, e.g. its scores.</param>
    /// <param name="seed">Seeds the folds: the same seed gives the same folds.</param>
    public static TResult[] CrossValidate<TResult>(IReadOnlyList<int> labels, int folds, Func<int[], int[], TResult> evaluate, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        var fold = CrossValidation.StratifiedFolds(labels, folds, seed);
        var results = new TResult[folds];
        for (var k = 0; k < folds; k++)
        {
            var (train, test) = CrossValidation.Fold(fold, k);
            results[k] = evaluate(train, test);
        }

        return results;
    }

    private static int[] HeldLabels(CsrMatrix xHeld, IReadOnlyList<int> yHeld)
    {
        ArgumentNullException.ThrowIfNull(yHeld);
        if (yHeld.Count != xHeld.Rows)
        {
            throw new ArgumentException($"yHeld: expected {xHeld.Rows} (one per row of xHeld), got {yHeld.Count}.", nameof(yHeld));
        }

        return [.. yHeld];
    }

    private static void CheckGrid(IReadOnlyList<double> grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.Count == 0)
        {
            throw new ArgumentException("grid: give at least one candidate.", nameof(grid));
        }

    }

    private static int BestIndex(double[] scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best;
    }
}
