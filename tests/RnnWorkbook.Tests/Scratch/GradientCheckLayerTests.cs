using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

/// <summary>Every layer's Backward against central differences in double precision (relative error ≤ 1e-6).</summary>
public class GradientCheckLayerTests
{
    [Fact]
    public void Affine_matches_numeric_gradients_of_weights_and_input()
    {
        var random = new NormalRandom(1);
        var layer = new Affine<double>(TestData.Randn(random, 0.5, 4, 5), TestData.Randn(random, 0.5, 5));
        var x = TestData.Randn(random, 1, 3, 4);
        var r = TestData.Randn(random, 1, 3, 5);
        double Loss() => TestData.WeightedSum(layer.Forward(x), r);

        Loss();
        var dx = layer.Backward(r).Clone();

        TestData.AssertGradientsMatch(Loss, [.. layer.Parameters.Values(), x], [.. layer.Parameters.Gradients(), dx]);
    }

    [Fact]
    public void Softmax_matches_numeric_gradient_of_input()
    {
        var random = new NormalRandom(2);
        var layer = new Softmax<double>();
        var s = TestData.Randn(random, 2, 3, 6);
        var r = TestData.Randn(random, 1, 3, 6);
        double Loss() => TestData.WeightedSum(layer.Forward(s), r);

        Loss();
        var ds = layer.Backward(r).Clone();

        TestData.AssertGradientsMatch(Loss, [s], [ds]);
    }

    [Fact]
    public void Embedding_matches_numeric_gradient_with_repeated_ids()
    {
        var random = new NormalRandom(3);
        var layer = new Embedding<double>(TestData.Randn(random, 1, 5, 3));
        var ids = new NdArray<int>([1, 4, 1, 0, 1], 5);
        var r = TestData.Randn(random, 1, 5, 3);
        double Loss() => TestData.WeightedSum(layer.Forward(ids), r);

        Loss();
        layer.Backward(r);

        TestData.AssertGradientsMatch(Loss, layer.Parameters.Values(), layer.Parameters.Gradients());
    }

    [Fact]
    public void RnnCell_matches_numeric_gradients_of_weights_input_and_previous_state()
    {
        var random = new NormalRandom(4);
        var layer = new RnnCell<double>(TestData.Randn(random, 0.5, 3, 4), TestData.Randn(random, 0.5, 4, 4), TestData.Randn(random, 0.5, 4));
        var x = TestData.Randn(random, 1, 2, 3);
        var hPrev = TestData.Randn(random, 0.5, 2, 4);
        var r = TestData.Randn(random, 1, 2, 4);
        double Loss() => TestData.WeightedSum(layer.Forward(x, hPrev), r);

        Loss();
        var (dx, dhPrev) = layer.Backward(r);

        TestData.AssertGradientsMatch(Loss, [.. layer.Parameters.Values(), x, hPrev], [.. layer.Parameters.Gradients(), dx.Clone(), dhPrev.Clone()]);
    }

    [Fact]
    public void TimeEmbedding_matches_numeric_gradient()
    {
        var random = new NormalRandom(5);
        var layer = new TimeEmbedding<double>(TestData.Randn(random, 1, 6, 3));
        var ids = TestData.Ids(5, 6, 2, 4);
        var r = TestData.Randn(random, 1, 2, 4, 3);
        double Loss() => TestData.WeightedSum(layer.Forward(ids), r);

        Loss();
        layer.Backward(r);

        TestData.AssertGradientsMatch(Loss, layer.Parameters.Values(), layer.Parameters.Gradients());
    }

    [Fact]
    public void TimeRnn_matches_numeric_gradients_of_weights_and_inputs()
    {
        var random = new NormalRandom(6);
        // H = 20 and D = 19 are not multiples of the SIMD width, so the kernel's edge paths are checked too.
        var layer = new TimeRnn<double>(TestData.Randn(random, 0.3, 19, 20), TestData.Randn(random, 0.3, 20, 20), TestData.Randn(random, 0.3, 20), stateful: false);
        var xs = TestData.Randn(random, 1, 3, 5, 19);
        var r = TestData.Randn(random, 1, 3, 5, 20);
        double Loss() => TestData.WeightedSum(layer.Forward(xs), r);

        Loss();
        var dxs = layer.Backward(r).Clone();

        TestData.AssertGradientsMatch(Loss, [.. layer.Parameters.Values(), xs], [.. layer.Parameters.Gradients(), dxs]);
    }

    [Fact]
    public void TimeRnn_state_gradient_matches_numeric_gradient_of_initial_state()
    {
        var random = new NormalRandom(7);
        var layer = new TimeRnn<double>(TestData.Randn(random, 0.5, 3, 4), TestData.Randn(random, 0.5, 4, 4), TestData.Randn(random, 0.5, 4));
        var xs = TestData.Randn(random, 1, 2, 3, 3);
        var h0 = TestData.Randn(random, 0.5, 2, 4);
        var r = TestData.Randn(random, 1, 2, 3, 4);
        double Loss()
        {
            layer.SetState(h0);
            return TestData.WeightedSum(layer.Forward(xs), r);
        }

        Loss();
        layer.Backward(r);

        TestData.AssertGradientsMatch(Loss, [h0], [layer.StateGradient!.Clone()]);
    }

    [Fact]
    public void TimeAffine_matches_numeric_gradients_of_weights_and_input()
    {
        var random = new NormalRandom(8);
        var layer = new TimeAffine<double>(TestData.Randn(random, 0.5, 4, 7), TestData.Randn(random, 0.5, 7));
        var hs = TestData.Randn(random, 1, 2, 3, 4);
        var r = TestData.Randn(random, 1, 2, 3, 7);
        double Loss() => TestData.WeightedSum(layer.Forward(hs), r);

        Loss();
        var dhs = layer.Backward(r).Clone();

        TestData.AssertGradientsMatch(Loss, [.. layer.Parameters.Values(), hs], [.. layer.Parameters.Gradients(), dhs]);
    }

    [Fact]
    public void TimeSoftmaxWithLoss_matches_numeric_gradient_with_ignored_positions()
    {
        var random = new NormalRandom(9);
        var layer = new TimeSoftmaxWithLoss<double>(ignoreIndex: -1);
        var ys = TestData.Randn(random, 2, 2, 3, 5);
        var ts = new NdArray<int>([4, 0, -1, 2, -1, 1], 2, 3);
        double Loss() => layer.Forward(ys, ts);

        Loss();
        var dys = layer.Backward(1.0).Clone();

        TestData.AssertGradientsMatch(Loss, [ys], [dys]);
    }

    [Fact]
    public void SimpleRnnLm_matches_numeric_gradients_of_every_parameter()
    {
        var model = new SimpleRnnLm<double>(vocabularySize: 7, wordVecSize: 5, hiddenSize: 6, seed: 10);
        RandomiseBiases(model, seed: 10);
        var xs = TestData.Ids(1, 7, 2, 4);
        var ts = TestData.Ids(2, 7, 2, 4);
        double Loss()
        {
            model.ResetState();
            return model.Forward(xs, ts);
        }

        Loss();
        model.Backward();

        TestData.AssertGradientsMatch(Loss, model.Parameters.Values(), model.Parameters.Gradients());
    }

    [Fact]
    public void SimpleRnnLm_gradients_match_in_a_later_truncated_block_with_carried_state()
    {
        var model = new SimpleRnnLm<double>(vocabularySize: 7, wordVecSize: 5, hiddenSize: 6, seed: 11);
        RandomiseBiases(model, seed: 11);
        var first = TestData.Ids(3, 7, 2, 4);
        var xs = TestData.Ids(4, 7, 2, 4);
        var ts = TestData.Ids(5, 7, 2, 4);
        model.Forward(first, first);
        var carried = model.Rnn.HiddenState!.Clone();
        double Loss()
        {
            // The carried state is an input to this block (truncated BPTT: no gradient flows into it).
            model.Rnn.SetState(carried);
            return model.Forward(xs, ts);
        }

        Loss();
        model.Backward();

        TestData.AssertGradientsMatch(Loss, model.Parameters.Values(), model.Parameters.Gradients());
    }

    // Zero biases would leave their gradient paths half untested; give them random values.
    private static void RandomiseBiases(SimpleRnnLm<double> model, int seed)
    {
        var random = new NormalRandom(seed);
        random.Fill(model.Parameters.Values()[3], 0.3);
        random.Fill(model.Parameters.Values()[5], 0.3);
        random.Fill(model.Parameters.Values()[0], 0.5);
    }
}
