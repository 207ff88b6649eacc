using RnnWorkbook.Scratch;
using RnnWorkbook.Torch;
using static TorchSharp.torch;

namespace RnnWorkbook.Tests.Torch;

/// <summary>
/// The gate re-ordering hook of <see cref="WeightCopy"/>, held against nn.LSTM: an LSTM step written in the
/// array API with the book's gate order (f, g, i, o) equals TorchSharp's (i, f, g, o) through the bindings.
/// </summary>
public class WeightCopyGateOrderTests
{
    private const int B = 3, D = 5, H = 4;

    private static readonly WeightBinding[] LstmBindings =
    [
        new("W_x", "weight_ih_l0") { Transpose = true, GateOrder = [1, 2, 0, 3] },
        new("W_h", "weight_hh_l0") { Transpose = true, GateOrder = [1, 2, 0, 3] },
        new("b", "bias_ih_l0") { GateOrder = [1, 2, 0, 3], AddedTorchBias = "bias_hh_l0" },
    ];

    [Fact]
    public void An_lstm_step_in_book_gate_order_equals_nn_lstm_through_the_named_copy()
    {
        var random = new NormalRandom(1);
        Parameter<float>[] parameters =
        [
            new("W_x", random.Randn<float>(0.5, D, 4 * H)), new("W_h", random.Randn<float>(0.5, H, 4 * H)), new("b", random.Randn<float>(0.5, 4 * H)),
        ];
        var x = random.Randn<float>(1, B, D);
        var hPrev = random.Randn<float>(1, B, H);
        var cPrev = random.Randn<float>(1, B, H);
        var (h, c) = LstmStep(x, hPrev, cPrev, parameters[0].Value, parameters[1].Value, parameters[2].Value);

        using var scope = NewDisposeScope();
        using var lstm = nn.LSTM(D, H, batchFirst: true);
        WeightCopy.ToTorch(parameters, lstm, LstmBindings);
        var (output, hn, cn) = lstm.forward(
            TensorConvert.ToTensor(x).unsqueeze(1), (TensorConvert.ToTensor(hPrev).unsqueeze(0), TensorConvert.ToTensor(cPrev).unsqueeze(0)));

        AssertClose(h, TensorConvert.ToNdArray(output.squeeze(1)));
        AssertClose(c, TensorConvert.ToNdArray(cn.squeeze(0)));
    }

    [Fact]
    public void A_gru_step_equals_nn_gru_through_the_named_copy_with_b_h_as_one_block_of_bias_hh()
    {
        var random = new NormalRandom(3);
        Parameter<float>[] parameters =
        [
            new("W_x", random.Randn<float>(0.5, D, 3 * H)), new("W_h", random.Randn<float>(0.5, H, 3 * H)),
            new("b", random.Randn<float>(0.5, 3 * H)), new("b_h", random.Randn<float>(0.5, H)),
        ];
        WeightBinding[] bindings =
        [
            new("W_x", "weight_ih_l0") { Transpose = true, GateOrder = WeightBinding.GruGateOrder },
            new("W_h", "weight_hh_l0") { Transpose = true, GateOrder = WeightBinding.GruGateOrder },
            new("b", "bias_ih_l0") { GateOrder = WeightBinding.GruGateOrder, AddedTorchBias = "bias_hh_l0", AddedTorchBiasGates = [0, 1] },
            new("b_h", "bias_hh_l0") { TorchBlock = (2, 3) },
        ];
        var x = random.Randn<float>(1, B, D);
        var hPrev = random.Randn<float>(1, B, H);
        var cell = new GruCell<float>(parameters[0].Value, parameters[1].Value, parameters[2].Value, parameters[3].Value);
        var h = cell.Forward(x, hPrev);

        using var scope = NewDisposeScope();
        using var gru = nn.GRU(D, H, batchFirst: true);
        WeightCopy.ToTorch(parameters, gru, bindings);
        var biasHh = TensorConvert.ToNdArray(gru.named_parameters().Single(p => p.name == "bias_hh_l0").parameter);
        float[] zeroedThenBh = [.. new float[2 * H], .. parameters[3].Value.Data]; // r and z zeroed, n = b_h
        Assert.Equal(zeroedThenBh, biasHh.Data);
        var (output, _) = gru.forward(TensorConvert.ToTensor(x).unsqueeze(1), TensorConvert.ToTensor(hPrev).unsqueeze(0));
        AssertClose(h, TensorConvert.ToNdArray(output.squeeze(1)));

        // Back to scratch: b_hh's r and z blocks add to b, its n block is b_h alone.
        using (no_grad())
        {
            gru.named_parameters().Single(p => p.name == "bias_hh_l0").parameter.fill_(0.5f);
        }

        var back = parameters.Select(p => new Parameter<float>(p.Name, new NdArray<float>([.. p.Value.Shape]))).ToArray();
        WeightCopy.ToScratch(gru, back, bindings);
        Assert.Equal(parameters[2].Value.Data.Select((v, i) => i < 2 * H ? v + 0.5f : v), back[2].Value.Data);
        Assert.Equal(Enumerable.Repeat(0.5f, H), back[3].Value.Data);
        Assert.Equal(parameters[0].Value.Data, back[0].Value.Data);
    }

    [Fact]
    public void Gate_blocks_round_trip_and_a_bad_order_is_refused()
    {
        var random = new NormalRandom(2);
        var w = random.Randn<float>(1, D, 4 * H);
        var binding = LstmBindings[0];

        var torchLayout = WeightCopy.InTorchLayout(w, binding);

        Assert.Equal([4 * H, D], torchLayout.Shape);
        // Scratch column block f (0) is torch row block f (1): W_x[d, 0 * H + j] = weight_ih[1 * H + j, d].
        Assert.Equal(w[2, 3], torchLayout[H + 3, 2]);
        Assert.Equal(w.Data, WeightCopy.InScratchLayout(torchLayout, binding).Data);
        var bad = binding with { GateOrder = [0, 0, 1, 2] };
        Assert.Contains("gate order", Assert.Throws<ArgumentException>(() => WeightCopy.InTorchLayout(w, bad)).Message);
    }

    // STYLE.md's LSTM step: the gate blocks f, g, i, o of one (B, 4H) pre-activation.
    private static (NdArray<float> H, NdArray<float> C) LstmStep(
        NdArray<float> x, NdArray<float> hPrev, NdArray<float> cPrev, NdArray<float> wx, NdArray<float> wh, NdArray<float> b)
    {
        var a = x.MatMul(wx) + hPrev.MatMul(wh) + b;            // (B, 4H)
        var f = a.Cols(0, H).Sigmoid();  var g = a.Cols(H, 2 * H).Tanh();
        var i = a.Cols(2 * H, 3 * H).Sigmoid();  var o = a.Cols(3 * H, 4 * H).Sigmoid();
        var c = f * cPrev + g * i;
        var h = o * c.Tanh();
        return (h, c);
    }

    private static void AssertClose(NdArray<float> expected, NdArray<float> actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected.Data[i], actual.Data[i], 1e-5f);
        }
    }
}
