using RnnWorkbook.Embeddings;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Embeddings;

/// <summary>Every layer of the book's word2vec path against central differences, in double (relative error ≤ 1e-6).</summary>
public class BookLayerGradientTests
{
    private static void AssertAllMatch(Func<double> loss, IReadOnlyList<Parameter<double>> parameters)
    {
        var results = GradientCheck.Check(loss, parameters);
        Assert.Equal(parameters.Count, results.Count);
        foreach (var result in results)
        {
            Assert.True(result.RelativeError < 1e-6, $"{result.Name} {result.Shape}: relative error {result.RelativeError:E2}");
        }
    }

    // An input checked like a parameter: its gradient is the one Backward returned.
    private static Parameter<double> Input(string name, NdArray<double> x, NdArray<double> dx)
    {
        var input = new Parameter<double>(name, x);
        input.AddGradient(dx);
        return input;
    }

    private static NdArray<double> Randn(int seed, double scale, params int[] shape) => new NormalRandom(seed).Randn<double>(scale, shape);

    [Fact]
    public void MatMul_matches_numeric_gradients()
    {
        var layer = new MatMul<double>(Randn(1, 0.5, 4, 6));
        var h = Randn(2, 1, 3, 4);
        var r = Randn(3, 1, 3, 6);
        double Loss() => layer.Forward(h).Data.Zip(r.Data, (a, b) => a * b).Sum();
        Loss();
        var dh = layer.Backward(r);
        AssertAllMatch(Loss, [.. layer.Parameters, Input("h", h, dh)]);
    }

    [Fact]
    public void EmbeddingDot_matches_numeric_gradients_with_a_repeated_id()
    {
        var layer = new EmbeddingDot<double>(Randn(4, 0.5, 7, 5));
        var h = Randn(5, 1, 4, 5);
        var ids = new NdArray<int>([3, 0, 3, 6], 4);
        var r = Randn(6, 1, 4);
        double Loss() => layer.Forward(h, ids).Data.Zip(r.Data, (a, b) => a * b).Sum();
        Loss();
        var dh = layer.Backward(r);
        AssertAllMatch(Loss, [.. layer.Parameters, Input("h", h, dh)]);
    }

    [Fact]
    public void SigmoidWithLoss_matches_numeric_gradient_and_a_hand_value()
    {
        var layer = new SigmoidWithLoss<double>();
        var s = new NdArray<double>([0.0, 2.0, -1.5, 40.0, -40.0], 5);
        var t = new NdArray<int>([1, 0, 1, 1, 0], 5);
        double loss = layer.Forward(s, t);
        // log 2 + log(1 + e²) + log(1 + e^1.5) + ~0 + ~0, over 5
        double expected = (Math.Log(2) + Math.Log(1 + Math.Exp(2)) + Math.Log(1 + Math.Exp(1.5))) / 5;
        Assert.Equal(expected, loss, 12);
        var ds = layer.Backward(1.0);
        AssertAllMatch(() => layer.Forward(s, t), [Input("s", s, ds)]);
    }

    [Fact]
    public void NegativeSamplingLoss_matches_numeric_gradients()
    {
        var layer = new NegativeSamplingLoss<double>(Randn(7, 0.5, 8, 4));
        var h = Randn(8, 1, 3, 4);
        int[] targets = [1, 5, 1];
        int[,] negatives = { { 0, 2 }, { 7, 7 }, { 3, 0 } };
        double Loss() => layer.Forward(h, targets, negatives);
        Loss();
        var dh = layer.Backward(1.0);
        AssertAllMatch(Loss, [.. layer.Parameters, Input("h", h, dh)]);
    }

    [Fact]
    public void SimpleCbow_matches_numeric_gradients()
    {
        var model = new SimpleCbow<double>(vocabularySize: 7, hiddenSize: 5, seed: 3);
        new NormalRandom(9).Fill(model.Parameters[0].Value, 0.5);
        new NormalRandom(10).Fill(model.Parameters[1].Value, 0.5);
        var (contexts, targets) = ContextWindows.Create([0, 1, 2, 3, 4, 1, 5, 6], window: 1);
        double Loss() => model.Forward(contexts, targets);
        Loss();
        model.Backward();
        AssertAllMatch(Loss, model.Parameters);
    }

    [Fact]
    public void Cbow_and_SkipGram_match_numeric_gradients()
    {
        var (contexts, targets) = ContextWindows.Create([0, 1, 2, 3, 4, 1, 5, 6, 2, 0], window: 2);
        var sampler = new UnigramSampler([3, 2, 2, 1, 1, 1, 1], sampleSize: 2, seed: 4);
        var cbow = new Cbow<double>(7, 4, seed: 5);
        new NormalRandom(11).Fill(cbow.Parameters[0].Value, 0.5);
        new NormalRandom(12).Fill(cbow.Parameters[1].Value, 0.5);
        var cbowNegatives = sampler.NegativeSample(targets);
        double CbowLoss() => cbow.Forward(contexts, targets, cbowNegatives);
        CbowLoss();
        cbow.Backward();
        AssertAllMatch(CbowLoss, cbow.Parameters);

        var skipGram = new SkipGram<double>(7, 4, seed: 6);
        new NormalRandom(13).Fill(skipGram.Parameters[0].Value, 0.5);
        new NormalRandom(14).Fill(skipGram.Parameters[1].Value, 0.5);
        int c = contexts.GetLength(1);
        var flat = Enumerable.Range(0, targets.Length * c).Select(i => contexts[i / c, i % c]).ToArray();
        var sgNegatives = sampler.NegativeSample(flat);
        double SkipGramLoss() => skipGram.Forward(contexts, targets, sgNegatives);
        SkipGramLoss();
        skipGram.Backward();
        AssertAllMatch(SkipGramLoss, skipGram.Parameters);
    }

    [Fact]
    public void Parameters_carry_the_books_names()
    {
        Assert.Equal(["W_in", "W_out"], new SimpleCbow<double>(7, 3).Parameters.Select(p => p.Name));
        Assert.Equal(["W_in", "W_out"], new Cbow<double>(7, 3).Parameters.Select(p => p.Name));
        Assert.Equal(["W_in", "W_out"], new SkipGram<double>(7, 3).Parameters.Select(p => p.Name));
        Assert.Equal(["W_out"], new NegativeSamplingLoss<double>(Randn(1, 1, 7, 3)).Parameters.Select(p => p.Name));
        Assert.Equal(["W_out"], new EmbeddingDot<double>(Randn(1, 1, 7, 3)).Parameters.Select(p => p.Name));
        Assert.Equal(["W_out"], new MatMul<double>(Randn(1, 1, 3, 7), "W_out").Parameters.Select(p => p.Name));
        Assert.Empty(new SigmoidWithLoss<double>().Parameters);
        var simple = new SimpleCbow<double>(7, 3);
        Assert.Equal([7, 3], simple.Parameters[0].Value.Shape.ToArray());
        Assert.Equal([3, 7], simple.Parameters[1].Value.Shape.ToArray());
        Assert.Same(simple.Parameters[0].Value, simple.WordVectors);
    }

    [Fact]
    public void Backward_before_forward_fails_naming_the_layer()
    {
        void Fails(string layer, Action backward) =>
            Assert.Contains($"{layer}: call Forward before Backward", Assert.Throws<InvalidOperationException>(backward).Message);

        Fails("MatMul", () => new MatMul<double>(Randn(1, 1, 3, 4)).Backward(Randn(2, 1, 2, 4)));
        Fails("EmbeddingDot", () => new EmbeddingDot<double>(Randn(1, 1, 7, 3)).Backward(Randn(2, 1, 2)));
        Fails("SigmoidWithLoss", () => new SigmoidWithLoss<double>().Backward(1.0));
        Fails("NegativeSamplingLoss", () => new NegativeSamplingLoss<double>(Randn(1, 1, 7, 3)).Backward(1.0));
        Fails("SimpleCbow", () => new SimpleCbow<double>(7, 3).Backward());
        Fails("Cbow", () => new Cbow<double>(7, 3).Backward());
        Fails("SkipGram", () => new SkipGram<double>(7, 3).Backward());
    }

    [Fact]
    public void Backward_adds_into_the_gradient_and_forward_starts_a_new_pass()
    {
        var layer = new EmbeddingDot<double>(Randn(4, 0.5, 7, 5));
        var h = Randn(5, 1, 4, 5);
        var ids = new NdArray<int>([3, 0, 3, 6], 4);
        var r = Randn(6, 1, 4);
        layer.Forward(h, ids);
        layer.Backward(r);
        var once = layer.Parameters[0].Gradient.Clone();
        layer.Backward(r);                                   // a second use of W_out in the same pass adds
        Assert.Equal(once.Data.Select(g => 2 * g), layer.Parameters[0].Gradient.Data, (a, b) => Math.Abs(a - b) < 1e-12);
        // row 3 is used twice: its gradient is the sum r_0 h_0 + r_2 h_2
        Assert.Equal(r.Data[0] * h.Data[0] + r.Data[2] * h.Data[10], once.Data[3 * 5], 12);
        Assert.All(Enumerable.Range(1 * 5, 5), i => Assert.Equal(0, once.Data[i]));   // id 1 is not used

        layer.Forward(h, ids);                               // a new pass: the next gradient replaces the old one
        layer.Backward(r);
        Assert.Equal(once.Data, layer.Parameters[0].Gradient.Data, (a, b) => Math.Abs(a - b) < 1e-12);

        var matMul = new MatMul<double>(Randn(1, 0.5, 4, 6));
        var x = Randn(2, 1, 3, 4);
        var dy = Randn(3, 1, 3, 6);
        matMul.Forward(x);
        matMul.Backward(dy);
        matMul.Forward(x);
        matMul.Backward(dy);
        var expected = x.T().MatMul(dy);
        Assert.Equal(expected.Data, matMul.Parameters[0].Gradient.Data, (a, b) => Math.Abs(a - b) < 1e-12);
    }
}
