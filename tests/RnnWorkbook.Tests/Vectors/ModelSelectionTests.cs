using RnnWorkbook.Vectors;
using static RnnWorkbook.Tests.Vectors.ClassifierTests;

namespace RnnWorkbook.Tests.Vectors;

public sealed class ModelSelectionTests
{
    // Six rows of class 0 use term 0, four of class 1 term 1: separable, with class 0 the majority.
    private static readonly CsrMatrix _xFit = Csr(new double[,] { { 1, 0 }, { 1, 0 }, { 1, 0 }, { 1, 0 }, { 1, 0 }, { 1, 0 }, { 0, 1 }, { 0, 1 }, { 0, 1 }, { 0, 1 } });
    private static readonly int[] _yFit = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
    private static readonly CsrMatrix _xHeld = Csr(new double[,] { { 1, 0 }, { 1, 0 }, { 1, 0 }, { 0, 1 }, { 0, 1 } });

    [Fact]
    public void The_chosen_C_is_the_grid_point_with_the_best_held_out_score()
    {
        double[] grid = [1e-6, 100];
        // C = 1e-6 pins W near 0, so only the intercept speaks: every row is the majority class 0. C = 100 learns
        // the terms. Held-out labels that agree with training: 3/5 right for the tiny C, 5/5 for the large one.
        var agree = ModelSelection.ChooseC(_xFit, _yFit, _xHeld, [0, 0, 0, 1, 1], 2, grid, Metrics.Accuracy);
        Assert.Equal(100, agree.C);
        Assert.Equal(new[] { 0.6, 1.0 }, agree.Scores);
        Assert.Equal(100, agree.Model.C);
        Assert.Equal(new[] { 0, 1 }, agree.Model.Predict(Csr(new double[,] { { 1, 0 }, { 0, 1 } })));

        // Held-out labels that contradict training: the learnt terms get every row wrong, the majority class 2/5 right.
        var contradict = ModelSelection.ChooseC(_xFit, _yFit, _xHeld, [1, 1, 1, 0, 0], 2, grid, Metrics.Accuracy);
        Assert.Equal(1e-6, contradict.C);
        Assert.Equal(new[] { 0.4, 0.0 }, contradict.Scores);
    }

    [Fact]
    public void Ties_go_to_the_first_candidate_and_alpha_is_chosen_the_same_way()
    {
        var calls = 0;
        double[] prescribed = [0.4, 0.8, 0.8];
        double Scripted(int[] labels, int[] predictions) => prescribed[calls++];

        Assert.Equal(0.5, ModelSelection.ChooseAlpha(_xFit, _yFit, _xHeld, [0, 0, 0, 1, 1], 2, [0.1, 0.5, 1.0], Scripted));
        Assert.Equal(3, calls);
        calls = 0;
        var choice = ModelSelection.ChooseC(_xFit, _yFit, _xHeld, [0, 0, 0, 1, 1], 2, [1.0, 10.0, 100.0], Scripted);
        Assert.Equal(10, choice.C);
        Assert.Equal(new[] { 0.4, 0.8, 0.8 }, choice.Scores);
    }

    [Fact]
    public void Choosing_on_a_held_out_share_uses_the_stratified_split_of_that_seed()
    {
        var (x, y) = NoisyTwoClassData();
        var (fit, held) = CrossValidation.StratifiedSplit(y, 0.2, seed: 7);
        double[] grid = [0.01, 1, 100];

        var byShare = ModelSelection.ChooseC(x, y, 2, grid, Metrics.Accuracy, heldOutShare: 0.2, seed: 7);
        var byParts = ModelSelection.ChooseC(x.SelectRows(fit), CrossValidation.Take(y, fit), x.SelectRows(held), CrossValidation.Take(y, held), 2, grid, Metrics.Accuracy);

        Assert.Equal(byParts.C, byShare.C);
        Assert.Equal(byParts.Scores, byShare.Scores);
        Assert.Equal(byShare.Scores, ModelSelection.ChooseC(x, y, 2, grid, Metrics.Accuracy, heldOutShare: 0.2, seed: 7).Scores);
    }

    [Fact]
    public void Cross_validation_folds_are_stratified_disjoint_cover_every_index_and_depend_only_on_the_seed()
    {
        var labels = Enumerable.Range(0, 100).Select(i => i % 10 < 7 ? 0 : 1).ToArray();

        var folds = ModelSelection.CrossValidate(labels, 5, (train, test) => (Train: train, Test: test), seed: 3);

        Assert.Equal(5, folds.Length);
        Assert.Equal(Enumerable.Range(0, 100), folds.SelectMany(f => f.Test).Order());
        foreach (var (train, test) in folds)
        {
            Assert.Equal(20, test.Length);
            Assert.Equal(14, test.Count(i => labels[i] == 0));
            Assert.Empty(train.Intersect(test));
            Assert.Equal(Enumerable.Range(0, 100), train.Concat(test).Order());
        }

        var again = ModelSelection.CrossValidate(labels, 5, (_, test) => test, seed: 3);
        Assert.Equal(folds.Select(f => f.Test), again);
        Assert.NotEqual(again, ModelSelection.CrossValidate(labels, 5, (_, test) => test, seed: 4));
    }

    [Fact]
    public void Bad_arguments_name_themselves()
    {
        Assert.Equal("grid", Assert.Throws<ArgumentException>(() => ModelSelection.ChooseC(_xFit, _yFit, _xHeld, [0, 0, 0, 1, 1], 2, [], Metrics.Accuracy)).ParamName);
        Assert.Equal("yHeld", Assert.Throws<ArgumentException>(() => ModelSelection.ChooseAlpha(_xFit, _yFit, _xHeld, [0, 1], 2, [1.0], Metrics.Accuracy)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => ModelSelection.ChooseC(_xFit, [0, 1], 2, [1.0], Metrics.Accuracy)).ParamName);
        Assert.Equal("folds", Assert.Throws<ArgumentOutOfRangeException>(() => ModelSelection.CrossValidate(_yFit, 1, (_, _) => 0)).ParamName);
    }

    private static (CsrMatrix X, int[] Y) NoisyTwoClassData()
    {
        var random = new Random(11);
        var rows = new double[60, 4];
        var y = new int[60];
        for (var i = 0; i < 60; i++)
        {
            y[i] = i % 3 == 0 ? 1 : 0;
            for (var j = 0; j < 4; j++)
                rows[i, j] = random.Next(3) + (j == y[i] ? 1 : 0);
        }

        return (Csr(rows), y);
    }
}
