using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

/// <summary>LSTM and GRU cells and time layers, stacked and bidirectional layers and the gated language model.</summary>
public class GatedLayerTests
{
    private const int D = 3, H = 4, B = 2, T = 5;

    [Fact]
    public void LstmCell_matches_numeric_gradients_of_weights_input_and_both_states()
    {
        var random = new NormalRandom(31);
        var cell = new LstmCell<double>(random.Randn<double>(0.5, D, 4 * H), random.Randn<double>(0.5, H, 4 * H), random.Randn<double>(0.5, 4 * H));
        var (x, h, c) = (random.Randn<double>(1, B, D), random.Randn<double>(0.5, B, H), random.Randn<double>(0.5, B, H));
        var (rh, rc) = (random.Randn<double>(1, B, H), random.Randn<double>(1, B, H));
        double Loss()
        {
            var (hNext, cNext) = cell.Forward(x, h, c);
            return TestData.WeightedSum(hNext, rh) + TestData.WeightedSum(cNext, rc);
        }

        Loss();
        var (dx, dh, dc) = cell.Backward(rh, rc);

        TestData.AssertGradientsMatch(Loss, [.. cell.Parameters.Values(), x, h, c], [.. cell.Parameters.Gradients(), dx, dh, dc]);
    }

    [Fact]
    public void GruCell_matches_numeric_gradients_of_weights_input_and_state()
    {
        var random = new NormalRandom(32);
        var cell = new GruCell<double>(random.Randn<double>(0.5, D, 3 * H), random.Randn<double>(0.5, H, 3 * H), random.Randn<double>(0.5, 3 * H), random.Randn<double>(0.5, H));
        var (x, h) = (random.Randn<double>(1, B, D), random.Randn<double>(0.5, B, H));
        var r = random.Randn<double>(1, B, H);
        double Loss() => TestData.WeightedSum(cell.Forward(x, h), r);

        Loss();
        var (dx, dh) = cell.Backward(r);

        TestData.AssertGradientsMatch(Loss, [.. cell.Parameters.Values(), x, h], [.. cell.Parameters.Gradients(), dx, dh]);
    }

    [Theory]
    [InlineData(RecurrentKind.Lstm)]
    [InlineData(RecurrentKind.Gru)]
    public void Time_layers_match_numeric_gradients_over_two_carried_blocks(RecurrentKind kind)
    {
        var random = new NormalRandom(33);
        var layer = TimeLayer(kind, random, stateful: true);
        var xs = random.Randn<double>(1, B, T, D);
        var r = random.Randn<double>(1, B, T, H);
        var first = random.Randn<double>(1, B, 2, D);
        layer.Forward(first); // a carried state from a previous block
        var snapshot = Snapshot(layer);
        double Loss()
        {
            Restore(layer, snapshot);
            return TestData.WeightedSum(layer.Forward(xs), r);
        }

        Loss();
        var dxs = layer.Backward(r).Clone();

        TestData.AssertGradientsMatch(Loss, [.. layer.Parameters.Values(), xs], [.. layer.Parameters.Gradients(), dxs]);
    }

    [Fact]
    public void TimeLstm_is_the_cell_applied_at_every_step_forward_and_backward()
    {
        var random = new NormalRandom(34);
        var (wx, wh, b) = (random.Randn<double>(0.5, D, 4 * H), random.Randn<double>(0.5, H, 4 * H), random.Randn<double>(0.5, 4 * H));
        var lstm = new TimeLstm<double>(wx, wh, b);
        var xs = random.Randn<double>(1, B, T, D);
        var dhs = random.Randn<double>(1, B, T, H);
        var hs = lstm.Forward(xs);
        var dxs = lstm.Backward(dhs);

        var parameters = new[] { new Parameter<double>("W_x", wx), new Parameter<double>("W_h", wh), new Parameter<double>("b", b) };
        var cells = Enumerable.Range(0, T).Select(_ => new LstmCell<double>(parameters[0], parameters[1], parameters[2])).ToArray();
        var (h, c) = (new NdArray<double>(B, H), new NdArray<double>(B, H));
        var hByStep = new NdArray<double>[T];
        for (int t = 0; t < T; t++)
        {
            (h, c) = cells[t].Forward(xs.Step(t), h, c);
            hByStep[t] = h;
        }

        var (dh, dc) = (new NdArray<double>(B, H), new NdArray<double>(B, H));
        var dxByStep = new NdArray<double>[T];
        for (int t = T - 1; t >= 0; t--)
        {
            (dxByStep[t], dh, dc) = cells[t].Backward(dhs.Step(t) + dh, dc);
        }

        for (int t = 0; t < T; t++)
        {
            AssertClose(hByStep[t], hs.Step(t));
            AssertClose(dxByStep[t], dxs.Step(t));
        }

        for (int g = 0; g < parameters.Length; g++)
        {
            AssertClose(parameters[g].Gradient, lstm.Parameters[g].Gradient);
        }

        AssertClose(h, lstm.HiddenState!);
        AssertClose(c, lstm.CellState!);
        AssertClose(dh, lstm.StateGradient!);
        AssertClose(dc, lstm.CellStateGradient!);
    }

    [Fact]
    public void TimeGru_is_the_cell_applied_at_every_step_forward_and_backward()
    {
        var random = new NormalRandom(35);
        var (wx, wh, b, bh) = (random.Randn<double>(0.5, D, 3 * H), random.Randn<double>(0.5, H, 3 * H), random.Randn<double>(0.5, 3 * H), random.Randn<double>(0.5, H));
        var gru = new TimeGru<double>(wx, wh, b, bh);
        var xs = random.Randn<double>(1, B, T, D);
        var dhs = random.Randn<double>(1, B, T, H);
        var hs = gru.Forward(xs);
        var dxs = gru.Backward(dhs);

        var parameters = new[] { new Parameter<double>("W_x", wx), new Parameter<double>("W_h", wh), new Parameter<double>("b", b), new Parameter<double>("b_h", bh) };
        var cells = Enumerable.Range(0, T).Select(_ => new GruCell<double>(parameters[0], parameters[1], parameters[2], parameters[3])).ToArray();
        var h = new NdArray<double>(B, H);
        var hByStep = new NdArray<double>[T];
        for (int t = 0; t < T; t++)
        {
            h = cells[t].Forward(xs.Step(t), h);
            hByStep[t] = h;
        }

        var dh = new NdArray<double>(B, H);
        var dxByStep = new NdArray<double>[T];
        for (int t = T - 1; t >= 0; t--)
        {
            (dxByStep[t], dh) = cells[t].Backward(dhs.Step(t) + dh);
        }

        for (int t = 0; t < T; t++)
        {
            AssertClose(hByStep[t], hs.Step(t));
            AssertClose(dxByStep[t], dxs.Step(t));
        }

        for (int g = 0; g < parameters.Length; g++)
        {
            AssertClose(parameters[g].Gradient, gru.Parameters[g].Gradient);
        }

        AssertClose(dh, gru.StateGradient!);
    }

    [Fact]
    public void Gru_with_z_near_one_keeps_the_previous_state()
    {
        var random = new NormalRandom(36);
        var b = new NdArray<double>(3 * H);
        for (int j = 0; j < H; j++)
        {
            b[j] = 40; // z = σ(40) ≈ 1
        }

        var cell = new GruCell<double>(random.Randn<double>(0.5, D, 3 * H), random.Randn<double>(0.1, H, 3 * H), b, new NdArray<double>(H));
        var hPrev = random.Randn<double>(0.5, B, H);
        AssertClose(hPrev, cell.Forward(random.Randn<double>(1, B, D), hPrev));
    }

    [Theory]
    [InlineData(RecurrentKind.Lstm)]
    [InlineData(RecurrentKind.Gru)]
    public void Bidirectional_matches_numeric_gradients_and_reads_the_reversed_sequence(RecurrentKind kind)
    {
        var random = new NormalRandom(37);
        var (forward, backward) = (TimeLayer(kind, random, stateful: false), TimeLayer(kind, random, stateful: false));
        var bi = new Bidirectional<double>(forward, backward);
        var xs = random.Randn<double>(1, B, T, D);
        var r = random.Randn<double>(1, B, T, 2 * H);
        double Loss() => TestData.WeightedSum(bi.Forward(xs), r);

        var hs = bi.Forward(xs).Clone();
        var dxs = bi.Backward(r).Clone();
        TestData.AssertGradientsMatch(Loss, [.. bi.Parameters.Values(), xs], [.. bi.Parameters.Gradients(), dxs]);

        // The backward half at step 0 is the backward layer's last output on the reversed sequence.
        var reversed = Nd.Empty<double>(B, T, D);
        for (int t = 0; t < T; t++)
        {
            reversed.SetStep(T - 1 - t, xs.Step(t));
        }

        var last = backward.Forward(reversed).Step(T - 1);
        AssertClose(last, hs.Step(0).Cols(H, 2 * H));
        Assert.Throws<NotSupportedException>(() => bi.Stateful = true);
    }

    [Theory]
    [InlineData(RecurrentKind.Lstm, false)]
    [InlineData(RecurrentKind.Gru, false)]
    [InlineData(RecurrentKind.Lstm, true)]
    public void Two_layer_model_matches_numeric_gradients_including_a_tied_embedding(RecurrentKind kind, bool tied)
    {
        const int V = 7;
        var model = new GatedLm<double>(kind, V, H, H, layers: 2, tieWeights: tied, seed: 3, stateful: false);
        var random = new NormalRandom(38);
        foreach (var p in model.Parameters)
        {
            random.Fill(p.Value, 0.5);
        }

        var xs = TestData.Ids(1, V, B, T);
        var ts = TestData.Ids(2, V, B, T);
        double Loss() => model.Forward(xs, ts);

        Loss();
        model.Backward();

        Assert.Equal((kind == RecurrentKind.Lstm ? 9 : 11) - (tied ? 1 : 0), model.Parameters.Count);
        Assert.Equal(tied, model.Parameters.All(p => p.Name != "affine.W_hy"));
        TestData.AssertGradientsMatch(Loss, model.Params, model.Grads);
    }

    [Fact]
    public void Dropout_in_evaluation_gives_the_model_without_dropout_and_masks_differ_while_training()
    {
        const int V = 9;
        var plain = new GatedLm<float>(RecurrentKind.Lstm, V, H, H, layers: 2, seed: 4, stateful: false);
        var dropped = new GatedLm<float>(RecurrentKind.Lstm, V, H, H, layers: 2, dropout: 0.5, seed: 4, stateful: false);
        var xs = TestData.Ids(3, V, B, T);
        var ts = TestData.Ids(4, V, B, T);

        float trainingLoss = dropped.Forward(xs, ts);
        dropped.Training = false;

        Assert.Equal(plain.Forward(xs, ts), dropped.Forward(xs, ts));
        Assert.NotEqual(plain.Forward(xs, ts), trainingLoss);
    }

    [Theory]
    [InlineData(RecurrentKind.Lstm)]
    [InlineData(RecurrentKind.Gru)]
    public void The_same_seed_gives_bit_identical_loss_curves(RecurrentKind kind)
    {
        float[] Curve()
        {
            const int V = 13;
            var model = new GatedLm<float>(kind, V, 8, 8, layers: 2, dropout: 0.3, tieWeights: true, seed: 5);
            var adam = new Adam<float>(0.05);
            var losses = new float[6];
            for (int step = 0; step < losses.Length; step++)
            {
                losses[step] = model.Forward(TestData.Ids(10, V, B, T), TestData.Ids(20, V, B, T)); // one batch, learned by heart
                model.Backward();
                adam.Update(model.Params, model.Grads);
            }

            return losses;
        }

        var first = Curve();
        Assert.Equal(first, Curve());
        Assert.True(first[^1] < first[0], $"loss should fall: {string.Join(", ", first)}");
    }

    [Fact]
    public void Shape_errors_name_expected_and_actual_shapes()
    {
        var lstm = new TimeLstm<float>(new NdArray<float>(D, 4 * H), new NdArray<float>(H, 4 * H), new NdArray<float>(4 * H));
        var error = Assert.Throws<ArgumentException>(() => lstm.Forward(new NdArray<float>(B, T, D + 1)));
        Assert.StartsWith("xs: expected (", error.Message);
        Assert.Contains($"{D}), got ({B}, {T}, {D + 1})", error.Message);
        Assert.Throws<ArgumentException>(() => new LstmCell<float>(new NdArray<float>(D, 3 * H), new NdArray<float>(H, 4 * H), new NdArray<float>(4 * H)));
        Assert.Contains("TimeGru: call Forward before Backward",
            Assert.Throws<InvalidOperationException>(() => new TimeGru<float>(new NdArray<float>(D, 3 * H), new NdArray<float>(H, 3 * H), new NdArray<float>(3 * H), new NdArray<float>(H)).Backward(new NdArray<float>(B, T, H))).Message);
    }

    private static IRecurrentLayer<double> TimeLayer(RecurrentKind kind, NormalRandom random, bool stateful) => kind == RecurrentKind.Lstm
        ? new TimeLstm<double>(random.Randn<double>(0.5, D, 4 * H), random.Randn<double>(0.5, H, 4 * H), random.Randn<double>(0.5, 4 * H), stateful)
        : new TimeGru<double>(random.Randn<double>(0.5, D, 3 * H), random.Randn<double>(0.5, H, 3 * H), random.Randn<double>(0.5, 3 * H), random.Randn<double>(0.5, H), stateful);

    private static (NdArray<double> H, NdArray<double>? C) Snapshot(IRecurrentLayer<double> layer) => layer switch
    {
        TimeLstm<double> lstm => (lstm.HiddenState!.Clone(), lstm.CellState!.Clone()),
        TimeGru<double> gru => (gru.HiddenState!.Clone(), null),
        _ => throw new ArgumentException("unknown layer"),
    };

    private static void Restore(IRecurrentLayer<double> layer, (NdArray<double> H, NdArray<double>? C) state)
    {
        if (layer is TimeLstm<double> lstm)
        {
            lstm.SetState(state.H, state.C!);
        }
        else
        {
            ((TimeGru<double>)layer).SetState(state.H);
        }
    }

    private static void AssertClose(NdArray<double> expected, NdArray<double> actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected.Data[i], actual.Data[i], 12);
        }
    }
}
