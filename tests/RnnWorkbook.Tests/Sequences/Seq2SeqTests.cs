using RnnWorkbook.Scratch;
using RnnWorkbook.Sequences;
using RnnWorkbook.Torch;
using static TorchSharp.torch;

namespace RnnWorkbook.Tests.Sequences;

/// <summary>The scratch encoder–decoder: gradients in double, the TorchSharp twin in float, greedy decoding, the digit tasks.</summary>
public class Seq2SeqTests
{
    private const int V = 7, D = 4, H = 5, B = 3, T = 4, TOut = 3;

    [Fact]
    public void Every_parameter_matches_its_numeric_gradient_through_decoder_and_encoder()
    {
        var model = Model<double>(seed: 3);
        var (xs, ts) = (Ids(1, B, T), Ids(2, B, TOut + 1));
        double Loss() => model.Forward(xs, ts);

        Loss();
        model.Backward();
        // The encoder learns only through the decoder's ∂L/∂h_enc: a non-zero gradient proves the hand-over.
        Assert.Contains(model.Parameters.Single(p => p.Name == "encoder.lstm.W_x").Gradient.Data, g => Math.Abs(g) > 1e-6);
        var results = GradientCheck.Check(Loss, model.Parameters);

        Assert.Equal(10, results.Count);
        Assert.All(results, r => Assert.True(r.RelativeError <= 1e-6, $"{r.Name}: relative error {r.RelativeError:E2}"));
    }

    [Fact]
    public void Loss_scores_and_every_gradient_equal_the_TorchSharp_twin_given_the_same_weights()
    {
        var model = Model<float>(seed: 4);
        using var twin = new Seq2SeqTwin(V, D, H);
        WeightCopy.ToTorch(model.Parameters, twin, Seq2SeqTwin.Bindings);
        var (xs, ts) = (Ids(5, B, T), Ids(6, B, TOut + 1));

        float loss = model.Forward(xs, ts);
        model.Backward();

        using var scope = NewDisposeScope();
        twin.zero_grad();
        var twinScores = twin.forward(TensorConvert.ToTensor(xs), TensorConvert.ToTensor(Seq2Seq<float>.Columns(ts, 0, TOut)));
        var twinLoss = twin.Loss(twinScores, TensorConvert.ToTensor(Seq2Seq<float>.Columns(ts, 1, TOut + 1)));
        twinLoss.backward();

        Assert.Equal(loss, twinLoss.item<float>(), 1e-5f);
        var grads = WeightCopy.Gradients(twin, Seq2SeqTwin.Bindings);
        Assert.Equal(model.Parameters.Select(p => p.Name).Order(), grads.Keys.Order());
        foreach (var p in model.Parameters)
        {
            AssertClose(p.Gradient, grads[p.Name], p.Name);
        }
    }

    [Fact]
    public void Generation_feeds_back_the_argmax_and_equals_the_twins_greedy_path()
    {
        var model = Model<float>(seed: 8);
        using var twin = new Seq2SeqTwin(V, D, H);
        WeightCopy.ToTorch(model.Parameters, twin, Seq2SeqTwin.Bindings);
        var xs = Ids(9, B, T);

        var generated = model.Generate(xs, startId: 1, length: 4);

        // Teacher forcing on the model's own output gives back that output as the argmax at every step.
        using var scope = NewDisposeScope();
        var inputs = new NdArray<int>(B, 4);
        for (int b = 0; b < B; b++)
        {
            inputs[b, 0] = 1;
            for (int t = 1; t < 4; t++)
            {
                inputs[b, t] = generated[b, t - 1];
            }
        }

        var argmax = twin.forward(TensorConvert.ToTensor(xs), TensorConvert.ToTensor(inputs)).argmax(-1);
        for (int b = 0; b < B; b++)
        {
            for (int t = 0; t < 4; t++)
            {
                Assert.Equal(generated[b, t], (int)argmax[b, t].item<long>());
            }
        }
    }

    [Fact]
    public void Digit_tasks_write_book_style_padded_ids()
    {
        var reversal = Seq2SeqDigits.Reversal(50, maxLength: 4, seed: 1);
        Assert.All(reversal, e => Assert.Equal(new string([.. e.Question.Reverse()]), e.Answer));
        Assert.Equal(50, reversal.Select(e => e.Question).Distinct().Count());

        var sums = Seq2SeqDigits.Addition(20, maxDigits: 3, seed: 2);
        Assert.All(sums, e => Assert.Equal(e.Question.Split('+').Sum(int.Parse), int.Parse(e.Answer)));

        var one = new[] { new Seq2SeqExample("57+5", "62") };
        var xs = Seq2SeqDigits.Questions(one, 7);
        var ts = Seq2SeqDigits.Answers(one, 4);
        Assert.Equal(new[] { 8, 10, 2, 8, 0, 0, 0 }, xs.Data);   // "57+5   "
        Assert.Equal(new[] { 1, 9, 5, 0, 0 }, ts.Data);           // "_62   "
        Assert.Equal("57+5", Seq2SeqDigits.Text(xs, 0));
    }

    [Fact]
    public void Bad_inputs_are_refused_naming_the_argument()
    {
        var model = Model<float>(seed: 1);
        Assert.Equal("ts", Assert.Throws<ArgumentException>(() => model.Forward(Ids(1, B, T), Ids(1, B, 1))).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Seq2SeqDigits.Reversal(60, maxLength: 2)).ParamName);
        var tooLong = Assert.Throws<ArgumentException>(() => Seq2SeqDigits.Questions([new("12345", "54321")], 4));
        Assert.Contains("more than the width 4", tooLong.Message);
        Assert.Contains("\"x\" is not in the vocabulary", Assert.Throws<ArgumentException>(() => Seq2SeqDigits.Vocabulary.Id("x")).Message);
        Assert.Throws<InvalidOperationException>(() => new Seq2Seq<float>(V, D, H).Encoder.Backward(new NdArray<float>(B, H)));
    }

    [Fact]
    public void Training_on_short_reversals_reaches_high_held_out_accuracy_and_keeps_the_best_epoch()
    {
        var examples = Seq2SeqDigits.Reversal(3000, maxLength: 4, seed: 5);
        var (train, valid) = (examples.Take(2700).ToList(), examples.Skip(2700).ToList());
        var model = new Seq2Seq<float>(Seq2SeqDigits.Vocabulary.Count, 16, 32, seed: 5);
        var history = Seq2SeqTraining.Fit(model, Seq2SeqDigits.Questions(train, 4), Seq2SeqDigits.Answers(train, 4),
            Seq2SeqDigits.Questions(valid, 4), Seq2SeqDigits.Answers(valid, 4), epochs: 12, batchSize: 32, learningRate: 0.01);

        double best = history.Max(e => e.ValidationAccuracy);
        Assert.True(best >= 0.9, $"best validation accuracy {best:P1}");
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss / 3);
        Assert.Equal(best, Seq2SeqTraining.ExactMatch(model, Seq2SeqDigits.Questions(valid, 4), Seq2SeqDigits.Answers(valid, 4)), 1e-12);
    }

    private static Seq2Seq<TNum> Model<TNum>(int seed) where TNum : unmanaged, System.Numerics.IFloatingPointIeee754<TNum>
    {
        var model = new Seq2Seq<TNum>(V, D, H, seed);
        var random = new NormalRandom(seed + 100);
        foreach (var p in model.Parameters)
        {
            random.Fill(p.Value, 0.4); // every path matters, biases and embeddings too
        }

        return model;
    }

    private static NdArray<int> Ids(int seed, int batch, int time)
    {
        var random = new Random(seed);
        return new NdArray<int>([.. Enumerable.Range(0, batch * time).Select(_ => random.Next(V))], batch, time);
    }

    private static void AssertClose(NdArray<float> expected, NdArray<float> actual, string name)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected.Data[i] - actual.Data[i]) <= 1e-5f, $"{name}[{i}]: {expected.Data[i]} vs {actual.Data[i]}");
        }
    }
}
