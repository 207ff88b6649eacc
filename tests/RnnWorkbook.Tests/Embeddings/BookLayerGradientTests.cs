using RnnWorkbook.Embeddings;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Embeddings;

/// <summary>Every layer of the book's word2vec path against central differences, in double (relative error ≤ 1e-6).</summary>
public class BookLayerGradientTests
{
    private static void AssertAllMatch(Func<double> loss, IReadOnlyList<NdArray<double>> arrays, IReadOnlyList<NdArray<double>> grads)
    {
        foreach (var result in GradientCheck.Check(loss, arrays, grads))
        {
            Assert.True(result.RelativeError < 1e-6, $"array {result.Index} {result.Shape}: relative error {result.RelativeError:E2}");
        }
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
        AssertAllMatch(Loss, [layer.Params[0], h], [layer.Grads[0], dh]);
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
        AssertAllMatch(Loss, [layer.Params[0], h], [layer.Grads[0], dh]);
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
        AssertAllMatch(() => layer.Forward(s, t), [s], [ds]);
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
        AssertAllMatch(Loss, [layer.Params[0], h], [layer.Grads[0], dh]);
    }

    [Fact]
    public void SimpleCbow_matches_numeric_gradients()
    {
        var model = new SimpleCbow<double>(vocabSize: 7, hiddenSize: 5, seed: 3);
        new NormalRandom(9).Fill(model.Params[0], 0.5);
        new NormalRandom(10).Fill(model.Params[1], 0.5);
        var (contexts, targets) = ContextWindows.Create([0, 1, 2, 3, 4, 1, 5, 6], window: 1);
        double Loss() => model.Forward(contexts, targets);
        Loss();
        model.Backward();
        AssertAllMatch(Loss, model.Params, model.Grads);
    }

    [Fact]
    public void Cbow_and_SkipGram_match_numeric_gradients()
    {
        var (contexts, targets) = ContextWindows.Create([0, 1, 2, 3, 4, 1, 5, 6, 2, 0], window: 2);
        var sampler = new UnigramSampler([3, 2, 2, 1, 1, 1, 1], sampleSize: 2, seed: 4);
        var cbow = new Cbow<double>(7, 4, seed: 5);
        new NormalRandom(11).Fill(cbow.Params[0], 0.5);
        new NormalRandom(12).Fill(cbow.Params[1], 0.5);
        var cbowNegatives = sampler.NegativeSample(targets);
        double CbowLoss() => cbow.Forward(contexts, targets, cbowNegatives);
        CbowLoss();
        cbow.Backward();
        AssertAllMatch(CbowLoss, cbow.Params, cbow.Grads);

        var skipGram = new SkipGram<double>(7, 4, seed: 6);
        new NormalRandom(13).Fill(skipGram.Params[0], 0.5);
        new NormalRandom(14).Fill(skipGram.Params[1], 0.5);
        int c = contexts.GetLength(1);
        var flat = Enumerable.Range(0, targets.Length * c).Select(i => contexts[i / c, i % c]).ToArray();
        var sgNegatives = sampler.NegativeSample(flat);
        double SkipGramLoss() => skipGram.Forward(contexts, targets, sgNegatives);
        SkipGramLoss();
        skipGram.Backward();
        AssertAllMatch(SkipGramLoss, skipGram.Params, skipGram.Grads);
    }
}
