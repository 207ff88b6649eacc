using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

/// <summary>Chapter 7's delayed-recall task, its model, training, accuracy and the gradient probe.</summary>
public sealed class DelayedRecallTests
{
    [Fact]
    public void A_batch_is_the_symbol_then_the_distractors_then_the_query()
    {
        // Next(n) returns these values in turn: answer 3, distractors 0, 7; answer 5, distractors 1, 2.
        var random = new ScriptedRandom(3, 0, 7, 5, 1, 2);
        var (xs, answers) = DelayedRecall.Batch(random, batch: 2, gap: 2);

        Assert.Equal([2, 4], xs.Shape);
        Assert.Equal([3, 8, 15, 16, 5, 9, 10, 16], xs.Data);
        Assert.Equal([3, 5], answers.Data);
        Assert.Equal([8, 8, 8, 8, 8, 8], random.Bounds);
    }

    [Fact]
    public void Seeded_batches_keep_the_layout_for_every_gap()
    {
        foreach (int gap in new[] { 0, 1, 40 })
        {
            var (xs, answers) = DelayedRecall.Batch(new Random(gap), 16, gap);
            Assert.Equal([16, gap + 2], xs.Shape);
            for (int b = 0; b < 16; b++)
            {
                Assert.Equal(answers[b], xs[b, 0]);
                Assert.InRange(answers[b], 0, DelayedRecall.Symbols - 1);
                for (int t = 1; t <= gap; t++)
                {
                    Assert.InRange(xs[b, t], DelayedRecall.Symbols, DelayedRecall.Query - 1);
                }

                Assert.Equal(DelayedRecall.Query, xs[b, gap + 1]);
            }
        }
    }

    [Fact]
    public void Models_of_each_kind_have_the_layer_sizes_and_repeat_with_the_seed()
    {
        const int h = 8, d = DelayedRecall.EmbeddingSize, v = DelayedRecall.VocabularySize, s = DelayedRecall.Symbols;
        (RecurrentKind? Kind, long Parameters)[] expected =
        [
            (null, v * d + (d * h + h * h + h) + h * s + s),
            (RecurrentKind.Lstm, v * d + 4 * (d * h + h * h + h) + h * s + s),
            (RecurrentKind.Gru, v * d + 3 * (d * h + h * h + h) + h + h * s + s),
        ];
        var (xs, _) = DelayedRecall.Batch(new Random(1), 4, 5);
        foreach (var (kind, parameters) in expected)
        {
            var model = DelayedRecall.NewModel(kind, h, seed: 3);
            Assert.Equal(parameters, model.Parameters.Sum(p => (long)p.Value.Length));
            Assert.False(model.Recurrent.Stateful);
            var scores = model.Scores(xs);
            Assert.Equal([4, s], scores.Shape);
            Assert.Equal(scores.Data, DelayedRecall.NewModel(kind, h, seed: 3).Scores(xs).Data);
            Assert.NotEqual(scores.Data, DelayedRecall.NewModel(kind, h, seed: 4).Scores(xs).Data);
        }
    }

    [Fact]
    public void A_trained_LSTM_beats_the_RNN_at_a_long_gap()
    {
        var rnn = DelayedRecall.NewModel(null, 16, seed: 7);
        var lstm = DelayedRecall.NewModel(RecurrentKind.Lstm, 16, seed: 7);
        var rnnLosses = DelayedRecall.Train(rnn, 300, seed: 8);
        var lstmLosses = DelayedRecall.Train(lstm, 300, seed: 8);

        Assert.Equal(300, lstmLosses.Count);
        Assert.True(lstmLosses.TakeLast(20).Average() < lstmLosses.Take(20).Average(), "the LSTM's loss falls");
        // H = 16, 300 steps: at gap 40 the RNN answers about 40 % right (chance is 1/8), the LSTM about 73 %.
        double rnnAccuracy = DelayedRecall.Accuracy(rnn, DelayedRecall.MaxGap), lstmAccuracy = DelayedRecall.Accuracy(lstm, DelayedRecall.MaxGap);
        Assert.InRange(rnnAccuracy, 0, 0.5);
        Assert.InRange(lstmAccuracy, 0.6, 1);
        Assert.True(lstmAccuracy > rnnAccuracy + 0.2, $"LSTM {lstmAccuracy:P0} against RNN {rnnAccuracy:P0} at gap 40");
    }

    [Fact]
    public void Without_W_h_the_gradient_stops_at_the_last_step_except_on_the_LSTM_carousel()
    {
        var (xs, answers) = DelayedRecall.Batch(new Random(2), 8, 6);
        foreach (RecurrentKind? kind in new RecurrentKind?[] { null, RecurrentKind.Lstm, RecurrentKind.Gru })
        {
            var model = DelayedRecall.NewModel(kind, 4, seed: 1);
            var gradients = DelayedRecall.GradientByStep(model, xs, answers);
            Assert.Equal(8, gradients.Steps);
            Assert.All(gradients.Hidden, n => Assert.True(n > 0));
            Assert.Equal(1, gradients.HiddenByDistance()[0]);
            Assert.Equal(gradients.Hidden[0] / gradients.Hidden[7], gradients.HiddenByDistance()[7]);

            Array.Clear(model.Recurrent.Parameters[1].Value.Data); // W_h = 0: h_t no longer depends on h_{t-1}
            var cut = DelayedRecall.GradientByStep(model, xs, answers);
            Assert.True(cut.Hidden[7] > 0);
            if (kind == RecurrentKind.Gru)
            {
                // The GRU still reaches h_{t-1} through z_t ⊙ h_{t-1}.
                Assert.All(cut.Hidden[..7], n => Assert.True(n > 0));
            }
            else
            {
                Assert.All(cut.Hidden[..7], n => Assert.Equal(0, n));
            }

            if (kind == RecurrentKind.Lstm)
            {
                Assert.All(cut.Cell!, n => Assert.True(n > 0)); // C_{t-1} reaches C_t through f_t, without W_h
                Assert.All(cut.ForgetGate!, f => Assert.InRange(f, 0, 1));
                Assert.Equal(cut.Cell![0] / cut.Hidden[7], cut.CellByDistance()[7]);
            }
            else
            {
                Assert.Null(cut.Cell);
                Assert.Throws<InvalidOperationException>(() => cut.CellByDistance());
            }
        }
    }

    [Fact]
    public void Bad_arguments_are_refused_by_name()
    {
        Assert.Equal("batch", Assert.Throws<ArgumentOutOfRangeException>(() => DelayedRecall.Batch(new Random(1), 0, 3)).ParamName);
        Assert.Equal("gap", Assert.Throws<ArgumentOutOfRangeException>(() => DelayedRecall.Batch(new Random(1), 2, -1)).ParamName);
        Assert.Equal("hidden", Assert.Throws<ArgumentOutOfRangeException>(() => DelayedRecall.NewModel(null, 0, 1)).ParamName);
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => DelayedRecall.NewModel((RecurrentKind)9, 4, 1)).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => DelayedRecall.Train(DelayedRecall.NewModel(null, 4, 1), -1, 1)).ParamName);
    }

    /// <summary>A <see cref="Random"/> whose Next(n) returns the given values in turn and records each n.</summary>
    private sealed class ScriptedRandom(params int[] values) : Random
    {
        private int _next;

        public List<int> Bounds { get; } = [];

        public override int Next(int maxValue)
        {
            Bounds.Add(maxValue);
            return values[_next++];
        }
    }
}
