using RnnWorkbook.Classification;
using RnnWorkbook.Scratch;
using RnnWorkbook.Torch;
using static TorchSharp.torch;

namespace RnnWorkbook.Tests.Classification;

/// <summary>The scratch many-to-one classifier: gradient check in double, and equal to its TorchSharp twin in float.</summary>
public class ScratchClassifierTests
{
    private const int V = 9, D = 4, H = 5, K = 3;
    private static readonly int[][] Texts = [[2, 3, 4, 5], [6], [7, 8, 2], [3, 3]];
    private static readonly int[] Labels = [0, 2, 1, 2];

    [Theory]
    [InlineData(PoolingKind.LastStep)]
    [InlineData(PoolingKind.Mean)]
    [InlineData(PoolingKind.Max)]
    public void Every_gradient_matches_its_numerical_estimate_in_double(PoolingKind pooling)
    {
        var model = new ScratchClassifier<double>(V, D, H, K, pooling, seed: 3);
        foreach (var p in model.Parameters)
        {
            // Larger weights than the default so every gate and the pooling choices matter.
            new NormalRandom(p.Name.Length).Fill(p.Value, 0.5);
        }

        var batch = PaddedBatch.Create(Texts);
        double Loss() => model.Forward(batch, Labels);
        Loss();
        model.Backward();
        foreach (var result in GradientCheck.Check(Loss, model.Parameters))
        {
            Assert.True(result.RelativeError < 1e-6, result.ToString());
        }
    }

    [Fact]
    public void Padding_changes_nothing_a_text_alone_gives_the_same_probabilities()
    {
        var model = new ScratchClassifier<double>(V, D, H, K, seed: 5);
        var together = model.Probabilities(PaddedBatch.Create(Texts));
        var alone = model.Probabilities(PaddedBatch.Create([Texts[1]]));
        for (int k = 0; k < K; k++)
        {
            Assert.Equal(alone[0, k], together[1, k], 12);
        }
    }

    [Fact]
    public void Loss_and_every_gradient_equal_the_TorchSharp_twin_given_the_same_weights()
    {
        var scratch = new ScratchClassifier<float>(V, D, H, K, seed: 11);
        foreach (var p in scratch.Parameters)
        {
            new NormalRandom(p.Name.Length + 1).Fill(p.Value, 0.5);
        }

        using var twin = new TorchClassifier(RecurrentKind.Lstm, V, D, H, K);
        WeightCopy.ToTorch(scratch.Parameters, twin, TorchClassifier.LstmBindings);

        var batch = PaddedBatch.Create(Texts);
        var probabilities = scratch.Probabilities(batch); // before Forward: a new pass starts the gradients afresh
        float loss = scratch.Forward(batch, Labels);
        scratch.Backward();

        using var scope = NewDisposeScope();
        var (ids, lengths) = ClassifierTraining.Tensors(Texts, int.MaxValue);
        var scores = twin.forward(ids, lengths);
        var torchLoss = nn.functional.cross_entropy(scores, tensor(Labels.Select(l => (long)l).ToArray()));
        torchLoss.backward();

        Assert.Equal(loss, torchLoss.item<float>(), 1e-5f);
        var torchP = nn.functional.softmax(scores, 1).data<float>().ToArray();
        for (int i = 0; i < torchP.Length; i++)
        {
            Assert.Equal(probabilities.Data[i], torchP[i], 1e-5f);
        }

        var gradients = WeightCopy.Gradients(twin, TorchClassifier.LstmBindings);
        foreach (var p in scratch.Parameters)
        {
            var expected = gradients[p.Name];
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected.Data[i] - p.Gradient.Data[i]) <= 1e-5f, $"{p.Name}[{i}]: scratch {p.Gradient.Data[i]}, torch {expected.Data[i]}");
            }
        }
    }

    [Fact]
    public void Labels_outside_the_set_and_backward_before_forward_are_refused()
    {
        var model = new ScratchClassifier<double>(V, D, H, K);
        Assert.Throws<InvalidOperationException>(model.Backward);
        var error = Assert.Throws<ArgumentException>(() => model.Forward(PaddedBatch.Create(Texts), [0, 1, 3, 0]));
        Assert.Contains("labels[2] = 3 is outside the label set 0 … 2", error.Message);
    }
}
