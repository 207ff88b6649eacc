using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

public class TrainerTests
{
    [Fact]
    public void Hello_model_learns_to_predict_ello()
    {
        var result = HelloRnn.Train(steps: 100);

        Assert.Equal("ello", result.Predicted);
        Assert.True(result.Losses[^1] < 0.05, $"final loss {result.Losses[^1]}");
        Assert.Equal(Math.Log(4), result.Losses[0], 0.05); // tiny initial weights: a uniform guess
    }

    [Fact]
    public void Same_seed_gives_a_bit_identical_loss_curve_and_another_seed_does_not()
    {
        var first = TrainSmall(seed: 3);
        var second = TrainSmall(seed: 3);
        var other = TrainSmall(seed: 4);

        Assert.Equal(first.Points.Select(p => p.Loss), second.Points.Select(p => p.Loss));
        Assert.Equal(first.HeldOutPerplexity, second.HeldOutPerplexity);
        Assert.NotEqual(first.Points.Select(p => p.Loss), other.Points.Select(p => p.Loss));
    }

    [Fact]
    public void Fit_records_a_point_per_interval_and_epoch_end_and_learns_a_repeating_corpus()
    {
        var history = TrainSmall(seed: 1);

        // 2 epochs of ⌊399 / (4·5)⌋ = 19 steps; interval 5 → steps 5, 10, 15, 19 then 20, 25, 30, 35, 38.
        Assert.Equal([5, 10, 15, 19, 20, 25, 30, 35, 38], history.Points.Select(p => p.Step));
        Assert.All(history.Points, p => Assert.Equal(38, p.TotalSteps));
        Assert.All(history.Points, p => Assert.Equal(Math.Exp(p.Loss), p.Perplexity, 1e-9));
        Assert.Equal(2, history.HeldOutPerplexity.Count);
        Assert.Equal(history.HeldOutPerplexity[1], history.Points[^1].HeldOutPerplexity);
        Assert.Null(history.Points[0].HeldOutPerplexity);
        // The corpus is "0 1 2 3 4 5 6 7" repeated: once learned, the next id is certain.
        Assert.True(history.HeldOutPerplexity[1] < 1.5, $"held-out perplexity {history.HeldOutPerplexity[1]}");
    }

    [Fact]
    public void Untrained_model_is_about_as_unsure_as_a_uniform_guess()
    {
        var model = new SimpleRnnLm<float>(vocabularySize: 50, wordVecSize: 8, hiddenSize: 8, seed: 2);
        int[] corpus = [.. Enumerable.Range(0, 401).Select(i => i * 7 % 50)];

        double perplexity = Trainer<float>.EvaluatePerplexity(model, new TbpttBatcher(corpus, 4, 10));

        Assert.InRange(perplexity, 45, 55);
    }

    [Fact]
    public void Independent_sequences_each_start_from_zero_state()
    {
        var model = new SimpleRnnLm<double>(vocabularySize: 10, wordVecSize: 4, hiddenSize: 6, seed: 5);
        new NormalRandom(5).Fill(model.Parameters.Values()[0], 1.0); // large enough for the state to matter
        var batcher = new SequenceBatcher([[1, 2, 3, 4], [5, 6, 7], [8, 9, 1, 2, 3], [4, 5]], batchSize: 2);
        double expected = 0;
        for (int i = 0; i < 2; i++)
        {
            var (xs, ts) = batcher.Next();
            model.ResetState();
            expected += model.Forward(xs, ts);
        }

        double perplexity = Trainer<double>.EvaluatePerplexity(model, batcher);

        Assert.Equal(Math.Exp(expected / 2), perplexity, 1e-12);
    }

    [Fact]
    public void Full_bptt_on_padded_sequences_learns_them()
    {
        int[][] sequences = [[1, 2, 3, 4, 5], [6, 7, 8], [9, 2, 7, 4], [3, 8]];
        var model = new SimpleRnnLm<float>(vocabularySize: 10, wordVecSize: 8, hiddenSize: 16, seed: 2);
        var trainer = new Trainer<float>(model, new Adam<float>(0.05)) { EvalInterval = 1000 };

        var history = trainer.Fit(new SequenceBatcher(sequences, batchSize: 2, shuffleSeed: 1), epochs: 150);

        Assert.True(history.Points[^1].Loss < 0.05, $"final loss {history.Points[^1].Loss}");
    }

    [Fact]
    public void A_loss_that_becomes_NaN_stops_training_naming_the_step()
    {
        var model = new SimpleRnnLm<float>(vocabularySize: 8, wordVecSize: 4, hiddenSize: 4, seed: 1);
        var trainer = new Trainer<float>(model, new Sgd<float>(0.1));
        var batcher = new TbpttBatcher([.. Enumerable.Range(0, 200).Select(i => i % 8)], 2, 5);
        for (int i = 0; i < 2; i++)
        {
            var (xs, ts) = batcher.Next();
            trainer.Step(xs, ts);
        }

        model.Parameters.Values()[5].Data[0] = float.NaN; // b_y

        var error = Assert.Throws<NotFiniteNumberException>(() => trainer.Fit(batcher, epochs: 1));

        Assert.Contains("at step 3", error.Message);
        Assert.True(double.IsNaN(error.OffendingNumber));
    }

    [Fact]
    public void Clipping_option_records_the_norm_before_clipping()
    {
        var model = new SimpleRnnLm<double>(vocabularySize: 8, wordVecSize: 4, hiddenSize: 4, seed: 1);
        var trainer = new Trainer<double>(model, new Sgd<double>(0.1)) { MaxGradNorm = 1e-3 };
        var (xs, ts) = new TbpttBatcher([.. Enumerable.Range(0, 50).Select(i => i % 8)], 2, 5).Next();

        trainer.Step(xs, ts);

        double after = Math.Sqrt(model.Parameters.Gradients().Sum(g => g.Data.Sum(x => x * x)));
        Assert.True(trainer.LastGradNorm > 1e-3);
        Assert.Equal(1e-3, after, 1e-8);
    }

    [Fact]
    public void Console_progress_rewrites_one_line_and_ends_it_at_the_last_step()
    {
        var writer = new StringWriter();
        var progress = new ConsoleProgress(writer);

        progress.Report(new TrainingProgress(1, 10, 20, 2.5, Math.Exp(2.5), TimeSpan.FromSeconds(75)));
        progress.Report(new TrainingProgress(2, 20, 20, 1.25, Math.Exp(1.25), TimeSpan.FromSeconds(80), 4.5));

        Assert.Equal(
            "\repoch 1 | step 10/20 | loss 2.5000 | ppl 12.18 | 1:15" +
            "\repoch 2 | step 20/20 | loss 1.2500 | ppl 3.49 | held-out ppl 4.50 | 1:20" + Environment.NewLine,
            writer.ToString());
    }

    private static TrainingHistory TrainSmall(int seed)
    {
        int[] corpus = [.. Enumerable.Range(0, 400).Select(i => i % 8)];
        var model = new SimpleRnnLm<float>(vocabularySize: 8, wordVecSize: 6, hiddenSize: 12, seed: seed);
        var trainer = new Trainer<float>(model, new Adam<float>(0.05)) { EvalInterval = 5, MaxGradNorm = 5 };
        return trainer.Fit(new TbpttBatcher(corpus, 4, 5), epochs: 2, heldOut: new TbpttBatcher(corpus[..100], 2, 5));
    }
}
