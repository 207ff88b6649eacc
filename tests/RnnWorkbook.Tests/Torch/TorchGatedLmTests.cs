using RnnWorkbook.Scratch;
using RnnWorkbook.Torch;
using static TorchSharp.torch;

namespace RnnWorkbook.Tests.Torch;

/// <summary>The scratch LSTM/GRU language models and their TorchSharp twins give the same numbers (float32, within 1e-5).</summary>
public class TorchGatedLmTests
{
    private const int V = 11, D = 6, H = 6, B = 3, T = 5;
    private const float Tolerance = 1e-5f;

    [Theory]
    [InlineData(RecurrentKind.Lstm, 1, false)]
    [InlineData(RecurrentKind.Gru, 1, false)]
    [InlineData(RecurrentKind.Lstm, 2, true)]
    [InlineData(RecurrentKind.Gru, 2, true)]
    public void Scores_loss_and_every_gradient_match_over_several_truncated_bptt_blocks(RecurrentKind kind, int layers, bool tied)
    {
        var (scratch, twin) = Pair(kind, layers, tied, seed: layers * 10 + (int)kind);

        for (int block = 0; block < 3; block++)
        {
            CompareOneBlock(scratch, twin, Ids(seed: 10 + block), Ids(seed: 20 + block));
            for (int l = 0; l < layers; l++)
            {
                using var h = twin.HiddenState![l];
                AssertClose(State(scratch.Recurrent.Layers[l]).H, TensorConvert.ToNdArray(h));
                if (kind == RecurrentKind.Lstm)
                {
                    using var c = twin.CellState![l];
                    AssertClose(State(scratch.Recurrent.Layers[l]).C!, TensorConvert.ToNdArray(c));
                }
            }
        }
    }

    [Theory]
    [InlineData(RecurrentKind.Lstm)]
    [InlineData(RecurrentKind.Gru)]
    public void Weights_round_trip_by_name_and_the_torch_biases_fold_as_the_equations_say(RecurrentKind kind)
    {
        var (scratch, twin) = Pair(kind, layers: 1, tied: false, seed: 7);
        var torchNames = twin.ParametersByName();
        using (no_grad())
        {
            torchNames["rnn.bias_hh_l0"].fill_(0.25f);
        }

        var back = new GatedLm<float>(kind, V, D, H, seed: 99);
        WeightCopy.ToScratch(twin, back.Parameters, TorchGatedLm.Bindings(kind));
        var before = scratch.Parameters.ToDictionary(p => p.Name, p => p.Value);
        foreach (var p in back.Parameters)
        {
            var expected = before[p.Name].Data.AsEnumerable();
            if (p.Name.EndsWith(".b", StringComparison.Ordinal))
            {
                // LSTM: every block adds b_hh; GRU: z and r add it, the candidate keeps it apart in b_h.
                expected = expected.Select((v, i) => kind == RecurrentKind.Lstm || i < 2 * H ? v + 0.25f : v);
            }
            else if (p.Name.EndsWith(".b_h", StringComparison.Ordinal))
            {
                expected = expected.Select(_ => 0.25f);
            }

            Assert.Equal(expected, p.Value.Data);
        }

        // Gate re-ordering: scratch forget block (LSTM, 2nd torch block) or update block (GRU, 2nd torch block).
        var wx = before[kind == RecurrentKind.Lstm ? "lstm.0.W_x" : "gru.0.W_x"];
        Assert.Equal(wx[2, 0], torchNames["rnn.weight_ih_l0"][H, 2].item<float>());
    }

    [Fact]
    public void Different_architectures_are_refused_naming_what_differs_and_nothing_is_copied()
    {
        var scratch = new GatedLm<float>(RecurrentKind.Lstm, V, D, H);
        using var twin = new TorchGatedLm(RecurrentKind.Gru, V, D, H);
        var embeddingBefore = TensorConvert.ToNdArray(twin.ParametersByName()["embedding.weight"]);
        var kinds = Assert.Throws<ArgumentException>(() => WeightCopy.ToTorch(scratch.Parameters, twin, TorchGatedLm.Bindings(RecurrentKind.Lstm)));
        Assert.Contains($"lstm.0.W_x → rnn.weight_ih_l0: expected ({3 * H}, {D}), got ({4 * H}, {D})", kinds.Message);
        Assert.Equal(embeddingBefore.Data, TensorConvert.ToNdArray(twin.ParametersByName()["embedding.weight"]).Data);

        var deeper = new GatedLm<float>(RecurrentKind.Gru, V, D, H, layers: 2);
        var layers = Assert.Throws<ArgumentException>(() => WeightCopy.ToTorch(deeper.Parameters, twin, TorchGatedLm.Bindings(RecurrentKind.Gru)));
        Assert.Contains("No binding for the scratch parameter(s) gru.1.W_x, gru.1.W_h, gru.1.b, gru.1.b_h", layers.Message);
        var back = Assert.Throws<ArgumentException>(() => WeightCopy.ToScratch(twin, deeper.Parameters, TorchGatedLm.Bindings(RecurrentKind.Gru, layers: 2)));
        Assert.Contains("No torch parameter named \"rnn.weight_ih_l1\"", back.Message);
    }

    [Fact]
    public void A_tied_model_binds_its_embedding_once_and_torch_shares_it()
    {
        var names = TorchGatedLm.Bindings(RecurrentKind.Lstm, layers: 2, tieWeights: true).Select(b => b.Scratch).ToArray();
        Assert.Equal(["embedding.W_e", "lstm.0.W_x", "lstm.0.W_h", "lstm.0.b", "lstm.1.W_x", "lstm.1.W_h", "lstm.1.b", "affine.b_y"], names);
        var (scratch, twin) = Pair(RecurrentKind.Lstm, layers: 1, tied: true, seed: 4);
        var embedding = scratch.Parameters.Single(p => p.Name == "embedding.W_e").Value;
        Assert.Equal(embedding[3, 1], twin.Affine.weight![3, 1].item<float>());
    }

    [Fact]
    public void Training_that_diverges_stops_naming_the_step()
    {
        using var model = new TorchGatedLm(RecurrentKind.Lstm, V, D, H);
        int[] ids = [.. Enumerable.Range(0, 400).Select(i => i * 7 % V)];
        var error = Assert.Throws<NotFiniteNumberException>(() => TorchLmTraining.Train(model, ids, B, T, steps: 5, learningRate: double.NaN));
        Assert.Contains("at step 2", error.Message);
    }

    [Fact]
    public void A_cosine_schedule_ending_at_the_start_rate_is_the_constant_one_and_a_bad_end_is_refused()
    {
        int[] ids = [.. Enumerable.Range(0, 400).Select(i => i * 7 % V)];
        IReadOnlyList<double> Run(double? final)
        {
            random.manual_seed(5);
            using var model = new TorchGatedLm(RecurrentKind.Lstm, V, D, H);
            return TorchLmTraining.Train(model, ids, B, T, steps: 6, learningRate: 0.01, finalLearningRate: final);
        }

        var constant = Run(null);
        Assert.Equal(constant, Run(0.01));
        var cosine = Run(0.0001);
        Assert.Equal(constant[0], cosine[0]); // the first step uses the start rate
        Assert.NotEqual(constant[^1], cosine[^1]);
        using var model = new TorchGatedLm(RecurrentKind.Lstm, V, D, H);
        Assert.Equal("finalLearningRate", Assert.Throws<ArgumentOutOfRangeException>(
            () => TorchLmTraining.Train(model, ids, B, T, steps: 2, learningRate: 0.01, finalLearningRate: 0.02)).ParamName);
    }

    [Fact]
    public void Generation_repeats_with_the_seed_and_refuses_bad_sampling_settings()
    {
        var (scratch, twin) = Pair(RecurrentKind.Gru, layers: 1, tied: false, seed: 8);
        int[] prompt = [1, 2, 3];

        var fromScratch = TextGeneration.Generate(scratch, prompt, 20, temperature: 0.8, topK: 5, seed: 3);
        Assert.Equal(fromScratch, TextGeneration.Generate(scratch, prompt, 20, temperature: 0.8, topK: 5, seed: 3));
        // Same weights, same scores (to 1e-5), same draws.
        Assert.Equal(fromScratch, TorchTextGeneration.Generate(twin, prompt, 20, temperature: 0.8, topK: 5, seed: 3));
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => TorchTextGeneration.Generate(twin, prompt, 5, temperature: 0)).ParamName);
        Assert.Equal("topK", Assert.Throws<ArgumentOutOfRangeException>(() => TextGeneration.Generate(scratch, prompt, 5, topK: 0)).ParamName);
    }

    private static void CompareOneBlock(GatedLm<float> scratch, TorchGatedLm twin, NdArray<int> xs, NdArray<int> ts)
    {
        float scratchLoss = scratch.Forward(xs, ts);
        scratch.Backward();

        using var scope = NewDisposeScope();
        twin.zero_grad();
        var scores = twin.forward(TensorConvert.ToTensor(xs));
        var loss = twin.Loss(scores, TensorConvert.ToTensor(ts));
        loss.backward();

        Assert.Equal(scratchLoss, loss.item<float>(), Tolerance);
        var twinGrads = WeightCopy.Gradients(twin, TorchGatedLm.Bindings(twin.Kind, twin.Layers, twin.TiedWeights));
        Assert.Equal(scratch.Parameters.Select(p => p.Name).Order(), twinGrads.Keys.Order());
        foreach (var p in scratch.Parameters)
        {
            AssertClose(p.Gradient, twinGrads[p.Name], p.Name);
        }
    }

    private static (GatedLm<float> Scratch, TorchGatedLm Twin) Pair(RecurrentKind kind, int layers, bool tied, int seed)
    {
        var scratch = new GatedLm<float>(kind, V, D, H, layers, tieWeights: tied, seed: seed);
        var random = new NormalRandom(seed);
        foreach (var p in scratch.Parameters)
        {
            random.Fill(p.Value, 0.4); // biases and the embedding too, so every path matters
        }

        var twin = new TorchGatedLm(kind, V, D, H, layers, tieWeights: tied);
        WeightCopy.ToTorch(scratch.Parameters, twin, TorchGatedLm.Bindings(kind, layers, tied));
        return (scratch, twin);
    }

    private static (NdArray<float> H, NdArray<float>? C) State(IRecurrentLayer<float> layer) => layer switch
    {
        TimeLstm<float> lstm => (lstm.HiddenState!, lstm.CellState!),
        TimeGru<float> gru => (gru.HiddenState!, null),
        _ => throw new ArgumentException("unknown layer"),
    };

    private static NdArray<int> Ids(int seed)
    {
        var random = new Random(seed);
        return new NdArray<int>([.. Enumerable.Range(0, B * T).Select(_ => random.Next(V))], B, T);
    }

    private static void AssertClose(NdArray<float> expected, NdArray<float> actual, string name = "")
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected.Data[i] - actual.Data[i]) <= Tolerance, $"{name}[{i}]: {expected.Data[i]} vs {actual.Data[i]}");
        }
    }
}
