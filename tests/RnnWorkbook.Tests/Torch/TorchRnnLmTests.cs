using RnnWorkbook.Scratch;
using RnnWorkbook.Torch;
using static TorchSharp.torch;

namespace RnnWorkbook.Tests.Torch;

/// <summary>The scratch model and its TorchSharp twin give the same numbers (float32, within 1e-5).</summary>
public class TorchRnnLmTests
{
    private const int V = 11, D = 6, H = 20, B = 3, T = 5;
    private const float Tolerance = 1e-5f;

    [Fact]
    public void Scores_loss_and_every_gradient_match_the_scratch_model()
    {
        var (scratch, twin) = Pair(seed: 1);
        var xs = Ids(seed: 1);
        var ts = Ids(seed: 2);

        CompareOneBlock(scratch, twin, xs, ts);
    }

    [Fact]
    public void Several_truncated_bptt_blocks_with_carried_detached_state_match()
    {
        var (scratch, twin) = Pair(seed: 2);

        for (int block = 0; block < 3; block++)
        {
            CompareOneBlock(scratch, twin, Ids(seed: 10 + block), Ids(seed: 20 + block));
            AssertClose(scratch.Rnn.HiddenState!, TensorConvert.ToNdArray(twin.HiddenState!.squeeze(0)));
        }
    }

    [Fact]
    public void Padded_positions_are_ignored_on_both_sides()
    {
        var (scratch, twin) = Pair(seed: 3);
        var ts = Ids(seed: 4);
        ts[0, 4] = -1;
        ts[1, 3] = -1;
        ts[1, 4] = -1;

        CompareOneBlock(scratch, twin, Ids(seed: 3), ts);
    }

    [Fact]
    public void Weights_round_trip_and_the_two_torch_biases_fold_into_one()
    {
        var (scratch, twin) = Pair(seed: 5);
        using (no_grad())
        {
            twin.BiasHh.fill_(0.25f);
        }

        var back = new SimpleRnnLm<float>(V, D, H, seed: 99);
        WeightCopy.ToScratch(twin, back.Parameters, TorchRnnLm.Bindings);

        foreach (var (expected, actual) in scratch.Parameters.Zip(back.Parameters))
        {
            Assert.Equal(expected.Name, actual.Name);
            var values = expected.Name == "rnn.b" ? expected.Value.Data.Select(b => b + 0.25f) : expected.Value.Data;
            Assert.Equal(values, actual.Value.Data);
        }

        Assert.Equal([H, D], twin.WeightIh.shape);
        Assert.Equal(scratch.Params[1][2, 7], twin.WeightIh[7, 2].item<float>());
    }

    [Fact]
    public void A_missing_name_is_reported_with_the_names_there_are()
    {
        var (scratch, twin) = Pair(seed: 7);
        WeightBinding[] bindings = [.. TorchRnnLm.Bindings.Select(b => b.Scratch == "rnn.W_xh" ? b with { Torch = "rnn.weight_ih_l9" } : b)];

        var error = Assert.Throws<ArgumentException>(() => WeightCopy.ToTorch(scratch.Parameters, twin, bindings));

        Assert.Contains("No torch parameter named \"rnn.weight_ih_l9\"", error.Message);
        Assert.Contains("rnn.weight_ih_l0", error.Message);
    }

    [Fact]
    public void Training_with_adam_stays_in_lockstep_with_torch_optim_adam()
    {
        var (scratch, twin) = Pair(seed: 6);
        // b_ih and b_hh would each take an Adam step, moving b = b_ih + b_hh twice as far: keep b_hh at 0.
        twin.BiasHh.requires_grad_(false);
        var adam = new Adam<float>(0.01);
        using var torchAdam = optim.Adam(twin.parameters(), lr: 0.01);

        for (int step = 0; step < 3; step++)
        {
            CompareOneBlock(scratch, twin, Ids(seed: 30 + step), Ids(seed: 40 + step));
            adam.Update(scratch.Params, scratch.Grads);
            torchAdam.step();
            var after = new SimpleRnnLm<float>(V, D, H, seed: 99);
            WeightCopy.ToScratch(twin, after.Parameters, TorchRnnLm.Bindings);
            for (int i = 0; i < after.Params.Count; i++)
            {
                AssertClose(scratch.Params[i], after.Params[i]);
            }
        }
    }

    private static void CompareOneBlock(SimpleRnnLm<float> scratch, TorchRnnLm twin, NdArray<int> xs, NdArray<int> ts)
    {
        // Forward(xs, ts) is Loss.Forward(Predict(xs), ts); split here to keep the scores.
        var scratchOut = scratch.Predict(xs);
        float scratchLoss = scratch.Loss.Forward(scratchOut, ts);
        var scratchScores = scratchOut.Clone();
        scratch.Backward();

        using var scope = NewDisposeScope();
        twin.zero_grad();
        var scores = twin.forward(TensorConvert.ToTensor(xs));
        var loss = twin.Loss(scores, TensorConvert.ToTensor(ts));
        loss.backward();

        AssertClose(scratchScores, TensorConvert.ToNdArray(scores));
        Assert.Equal(scratchLoss, loss.item<float>(), Tolerance);
        var twinGrads = WeightCopy.Gradients(twin, TorchRnnLm.Bindings);
        foreach (var parameter in scratch.Parameters)
        {
            AssertClose(parameter.Gradient, twinGrads[parameter.Name]);
        }

        // The two torch biases get the same gradient, the scratch model's ∂L/∂b.
        if (twin.BiasHh.requires_grad)
        {
            AssertClose(TensorConvert.ToNdArray(twin.BiasIh.grad!), TensorConvert.ToNdArray(twin.BiasHh.grad!));
        }
    }

    private static (SimpleRnnLm<float> Scratch, TorchRnnLm Twin) Pair(int seed)
    {
        var scratch = new SimpleRnnLm<float>(V, D, H, seed);
        var random = new NormalRandom(seed);
        random.Fill(scratch.Params[0], 0.5); // larger than the default /100, so the embedding matters
        random.Fill(scratch.Params[3], 0.3);
        random.Fill(scratch.Params[5], 0.3);
        var twin = new TorchRnnLm(V, D, H);
        WeightCopy.ToTorch(scratch.Parameters, twin, TorchRnnLm.Bindings);
        return (scratch, twin);
    }

    private static NdArray<int> Ids(int seed)
    {
        var random = new Random(seed);
        return new NdArray<int>([.. Enumerable.Range(0, B * T).Select(_ => random.Next(V))], B, T);
    }

    private static void AssertClose(NdArray<float> expected, NdArray<float> actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected.Data[i], actual.Data[i], Tolerance);
        }
    }
}
