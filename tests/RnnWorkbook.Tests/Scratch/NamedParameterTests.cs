using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

/// <summary>Names, weight tying (one parameter, updated and clipped once), dropout, and the layers added with the array API.</summary>
public class NamedParameterTests
{
    [Fact]
    public void Model_parameters_carry_the_chapter_names_and_gradient_checks_report_them()
    {
        var model = new SimpleRnnLm<double>(vocabularySize: 7, wordVecSize: 5, hiddenSize: 6, seed: 1);
        var xs = TestData.Ids(1, 7, 2, 3);
        double Loss()
        {
            model.ResetState();
            return model.Forward(xs, xs);
        }

        Loss();
        model.Backward();
        var results = GradientCheck.Check(Loss, model.Parameters);

        string[] names = ["embedding.W_e", "rnn.W_xh", "rnn.W_hh", "rnn.b", "affine.W_hy", "affine.b_y"];
        Assert.Equal(names, model.Parameters.Select(p => p.Name));
        Assert.Equal(names, results.Select(r => r.Name));
        Assert.All(results, r => Assert.True(r.RelativeError < 1e-6, r.ToString()));
        Assert.StartsWith("rnn.W_hh (6, 6): relative error", results[2].ToString());
    }

    [Fact]
    public void A_tied_weight_is_listed_once_and_its_gradient_is_the_sum_of_both_uses()
    {
        var model = new SimpleRnnLm<double>(vocabularySize: 7, wordVecSize: 6, hiddenSize: 6, seed: 2, tieWeights: true);
        new NormalRandom(2).Fill(model.Parameters[0].Value, 0.5);
        var xs = TestData.Ids(2, 7, 2, 4);
        var ts = TestData.Ids(3, 7, 2, 4);
        double Loss()
        {
            model.ResetState();
            return model.Forward(xs, ts);
        }

        Loss();
        model.Backward();

        Assert.Equal(["embedding.W_e", "rnn.W_xh", "rnn.W_hh", "rnn.b", "affine.b_y"], model.Parameters.Select(p => p.Name));
        Assert.Same(model.Embedding.Parameters[0], model.Affine.Parameters[0]);
        TestData.AssertGradientsMatch(Loss, model.Parameters.Values(), model.Parameters.Gradients());
    }

    [Fact]
    public void A_tied_weight_is_updated_and_clipped_once()
    {
        var model = new SimpleRnnLm<float>(vocabularySize: 9, wordVecSize: 4, hiddenSize: 4, seed: 3, tieWeights: true);
        var xs = TestData.Ids(4, 9, 2, 3);
        model.Forward(xs, xs);
        model.Backward();
        var w = model.Parameters[0];
        var before = w.Value.Clone();
        var gradient = w.Gradient.Clone();
        double expectedNorm = Math.Sqrt(model.Grads.Sum(g => g.Data.Sum(v => (double)v * v)));

        double norm = GradientClipping.ClipByGlobalNorm(model.Grads, maxNorm: 1e9);
        new Sgd<float>(0.5).Update(model.Params, model.Grads);

        Assert.Equal(expectedNorm, norm, 1e-4);
        for (int i = 0; i < before.Length; i++)
        {
            Assert.Equal(before.Data[i] - 0.5f * gradient.Data[i], w.Value.Data[i], 1e-6f);
        }
    }

    [Fact]
    public void Affine_with_a_transposed_tied_weight_matches_numeric_gradients()
    {
        var random = new NormalRandom(4);
        var w = new Parameter<double>("W_e", TestData.Randn(random, 0.5, 7, 4));
        var layer = new Affine<double>(w, new Parameter<double>("b_y", TestData.Randn(random, 0.5, 7)), transposed: true);
        var x = TestData.Randn(random, 1, 3, 4);
        var r = TestData.Randn(random, 1, 3, 7);
        double Loss() => TestData.WeightedSum(layer.Forward(x), r);

        Loss();
        var dx = layer.Backward(r);

        TestData.AssertGradientsMatch(Loss, [.. layer.Parameters.Values(), x], [.. layer.Parameters.Gradients(), dx]);
    }

    [Fact]
    public void SoftmaxWithLoss_matches_numeric_gradient_and_ignores_padding()
    {
        var random = new NormalRandom(5);
        var layer = new SoftmaxWithLoss<double>();
        var s = TestData.Randn(random, 2, 4, 6);
        var ts = new NdArray<int>([5, -1, 0, 2], 4);
        double Loss() => layer.Forward(s, ts);

        Loss();
        var ds = layer.Backward();

        TestData.AssertGradientsMatch(Loss, [s], [ds]);
        Assert.All(ds.Data.Skip(6).Take(6), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Dropout_keeps_the_expected_value_is_the_identity_in_evaluation_and_is_gradient_checked()
    {
        var x = new NdArray<double>([.. Enumerable.Repeat(1.0, 20_000)], 100, 200);
        var dropout = new Dropout<double>(0.3, seed: 6);

        var y = dropout.Forward(x);
        double kept = y.Data.Count(v => v != 0) / (double)y.Length;

        Assert.Equal(0.7, kept, 0.02);
        Assert.Equal(1.0, y.Data.Average(), 0.03);
        Assert.All(y.Data, v => Assert.True(v == 0 || Math.Abs(v - 1 / 0.7) < 1e-12));
        dropout.Training = false;
        Assert.Same(x, dropout.Forward(x));

        // With the same seed every Forward draws the same mask, so central differences are meaningful.
        var random = new NormalRandom(7);
        var input = TestData.Randn(random, 1, 3, 5);
        var r = TestData.Randn(random, 1, 3, 5);
        Dropout<double> layer = new(0.5, seed: 8);
        double Loss()
        {
            layer = new Dropout<double>(0.5, seed: 8);
            return TestData.WeightedSum(layer.Forward(input), r);
        }

        Loss();
        var dx = layer.Backward(r);
        TestData.AssertGradientsMatch(Loss, [input], [dx]);
        Assert.Contains(dx.Data, v => v == 0);
    }

    [Fact]
    public void Evaluation_turns_a_model_s_dropout_off_and_training_turns_it_back_on()
    {
        var model = new SimpleRnnLm<double>(vocabularySize: 7, wordVecSize: 5, hiddenSize: 6, seed: 9, stateful: false, dropout: 0.5);
        var xs = TestData.Ids(9, 7, 2, 3);

        model.Training = false;
        double first = model.Forward(xs, xs), second = model.Forward(xs, xs);
        model.Training = true;
        double noisy = model.Forward(xs, xs);

        Assert.Equal(first, second);
        Assert.NotEqual(first, noisy);
    }

    [Fact]
    public void Backward_before_forward_fails_with_a_message_for_every_layer()
    {
        var random = new NormalRandom(10);
        var w = TestData.Randn(random, 1, 3, 3);
        var b = TestData.Randn(random, 1, 3);
        Action[] calls =
        [
            () => new Affine<double>(w, b).Backward(w),
            () => new TimeAffine<double>(w, b).Backward(new NdArray<double>(1, 1, 3)),
            () => new Embedding<double>(w).Backward(w),
            () => new Softmax<double>().Backward(w),
            () => new SoftmaxWithLoss<double>().Backward(),
            () => new TimeSoftmaxWithLoss<double>().Backward(1.0),
            () => new Dropout<double>(0.1).Backward(w),
        ];

        Assert.All(calls, call => Assert.Contains("call Forward before Backward", Assert.Throws<InvalidOperationException>(call).Message));
    }
}
