using RnnWorkbook.Scratch;
using RnnWorkbook.Sequences;
using RnnWorkbook.Tests.Scratch;
using RnnWorkbook.Torch;
using static TorchSharp.torch;

namespace RnnWorkbook.Tests.Sequences;

/// <summary>The scratch tagger (embeddings, Bidirectional of two TimeLstms, TimeAffine) against its TorchSharp twin and against numeric gradients.</summary>
public class TaggerTwinTests
{
    private const int B = 3, T = 5, H = 4, Tags = 6;
    private static readonly int[] FeatureSizes = [9, 5], EmbeddingSizes = [3, 2];

    [Fact]
    public void The_scratch_tagger_equals_the_torchsharp_tagger_given_the_same_weights_in_scores_and_gradients()
    {
        var scratch = new ScratchTagger<float>(FeatureSizes, EmbeddingSizes, H, Tags, new NormalRandom(5));
        var ids = new[] { TestData.Ids(1, FeatureSizes[0], B, T), TestData.Ids(2, FeatureSizes[1], B, T) };
        var targets = TestData.Ids(3, Tags, B, T);
        var loss = new TimeSoftmaxWithLoss<float>();
        var scores = scratch.Forward(ids).Clone();
        float scratchLoss = loss.Forward(scores, targets);
        scratch.Backward(loss.Backward(1f));

        using var scope = NewDisposeScope();
        using var torchTagger = new SequenceTagger(FeatureSizes, EmbeddingSizes, H, Tags);
        var bindings = SequenceTagger.Bindings(FeatureSizes.Length);
        WeightCopy.ToTorch(scratch.Parameters, torchTagger, bindings);
        var features = new long[B * T * 2];
        for (int i = 0; i < B * T; i++)
        {
            (features[2 * i], features[2 * i + 1]) = (ids[0].Data[i], ids[1].Data[i]);
        }

        var torchScores = torchTagger.forward(tensor(features, [B, T, 2]));
        var torchLoss = nn.functional.cross_entropy(torchScores.reshape(-1, Tags), tensor(targets.Data.Select(t => (long)t).ToArray()));
        torchLoss.backward();

        AssertClose(scores, TensorConvert.ToNdArray(torchScores.detach()), "scores");
        Assert.Equal(scratchLoss, torchLoss.item<float>(), 1e-5f);
        var torchGradients = WeightCopy.Gradients(torchTagger, bindings);
        Assert.Equal(scratch.Parameters.Count, torchGradients.Count);
        foreach (var p in scratch.Parameters)
        {
            AssertClose(p.Gradient, torchGradients[p.Name], p.Name);
        }
    }

    [Fact]
    public void The_scratch_tagger_matches_numeric_gradients_in_double()
    {
        var tagger = new ScratchTagger<double>(FeatureSizes, EmbeddingSizes, H, Tags, new NormalRandom(6));
        var ids = new[] { TestData.Ids(4, FeatureSizes[0], B, T), TestData.Ids(5, FeatureSizes[1], B, T) };
        var targets = TestData.Ids(6, Tags, B, T);
        var loss = new TimeSoftmaxWithLoss<double>();
        double Loss() => loss.Forward(tagger.Forward(ids), targets);

        Loss();
        tagger.Backward(loss.Backward(1.0));
        var results = GradientCheck.Check(Loss, tagger.Parameters);

        Assert.Equal(tagger.Parameters.Count, results.Count);
        Assert.All(results, r => Assert.True(r.RelativeError < 1e-6, r.ToString()));
    }

    [Fact]
    public void The_torchsharp_tagger_refuses_a_wrong_feature_count()
    {
        using var tagger = new SequenceTagger(FeatureSizes, EmbeddingSizes, H, Tags);
        using var xs = zeros([B, T, 3], dtype: int64);
        Assert.Contains("expected (B, T, 2)", Assert.Throws<ArgumentException>(() => tagger.forward(xs)).Message);
        Assert.Throws<ArgumentException>(() => new SequenceTagger(FeatureSizes, [3], H, Tags));
    }

    private static void AssertClose(NdArray<float> expected, NdArray<float> actual, string what)
    {
        Assert.True(expected.Shape.SequenceEqual(actual.Shape), $"{what}: shape {expected.ShapeText} vs {actual.ShapeText}");
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected.Data[i] - actual.Data[i]) <= 1e-5f, $"{what}[{i}]: {expected.Data[i]} vs {actual.Data[i]}");
        }
    }
}
