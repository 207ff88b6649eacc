using RnnWorkbook.Embeddings;

namespace RnnWorkbook.Tests.Embeddings;

/// <summary>The fast trainer: determinism, learning a planted structure, and its errors.</summary>
public class TrainerTests
{
    /// <summary>Two "topics" of 20 words each; a sentence draws all its words from one topic.</summary>
    internal static IReadOnlyList<IReadOnlyList<string>> TopicCorpus(int sentences = 3_000, int seed = 1)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, sentences).Select(_ =>
        {
            string topic = random.Next(2) == 0 ? "a" : "b";
            return (IReadOnlyList<string>)[.. Enumerable.Range(0, 10).Select(_ => $"{topic}{random.Next(20)}")];
        })];
    }

    private static readonly Word2VecOptions _small = new() { Dimension = 16, Window = 3, Epochs = 3, MinCount = 1, Sample = 0 };

    [Theory]
    [InlineData(Word2VecArchitecture.SkipGram)]
    [InlineData(Word2VecArchitecture.Cbow)]
    public void One_thread_is_bit_identical_for_a_seed_and_differs_for_another(Word2VecArchitecture architecture)
    {
        var corpus = TopicCorpus(500);
        var options = _small with { Architecture = architecture };
        var first = Word2VecTrainer.Train(corpus, options).Vectors.Data;
        var second = Word2VecTrainer.Train(corpus, options).Vectors.Data;
        var other = Word2VecTrainer.Train(corpus, options with { Seed = 2 }).Vectors.Data;
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(Word2VecArchitecture.SkipGram, 1)]
    [InlineData(Word2VecArchitecture.Cbow, 2)]
    [InlineData(Word2VecArchitecture.SkipGram, 2)]
    public void Words_of_one_topic_end_up_closer_than_words_of_the_other(Word2VecArchitecture architecture, int threads)
    {
        var model = Word2VecTrainer.Train(TopicCorpus(), _small with { Architecture = architecture, Threads = threads });
        var v = model.Vectors;
        double within = 0, across = 0;
        for (int i = 0; i < 20; i++)
        {
            within += v.Similarity($"a{i}", $"a{(i + 1) % 20}") + v.Similarity($"b{i}", $"b{(i + 1) % 20}");
            across += 2 * v.Similarity($"a{i}", $"b{i}");
        }

        Assert.True(within / 40 > across / 40 + 0.3, $"mean cosine within topics {within / 40:F3}, across {across / 40:F3}");
        Assert.True(model.MeanLoss is > 0 and < 10, $"loss {model.MeanLoss}");
        Assert.All(v.MostSimilar("a3", 5), n => Assert.StartsWith("a", n.Word));
    }

    [Fact]
    public void Progress_reports_reach_the_end_with_words_per_second_and_loss()
    {
        var reports = new List<Word2VecProgress>();
        Word2VecTrainer.Train(TopicCorpus(), _small, new RnnWorkbook.Display.LiveProgress<Word2VecProgress>(reports.Add));
        var last = reports[^1];
        Assert.Equal(last.WordsTotal, last.WordsDone);
        Assert.Equal(3 * 30_000, last.WordsTotal);
        Assert.True(last.WordsPerSecond > 0 && double.IsFinite(last.Loss));
    }

    [Fact]
    public void Too_few_distinct_words_fail_naming_the_problem()
    {
        IReadOnlyList<IReadOnlyList<string>> tiny = [["x", "y", "z", "x", "y", "z"]];
        var error = Assert.Throws<ArgumentException>(() => Word2VecTrainer.Train(tiny, _small));
        Assert.Contains("3 distinct words", error.Message);
        Assert.Contains("needs at least 7", error.Message);
    }

    [Theory]
    [InlineData("Window", 0)]
    [InlineData("Window", 101)]
    [InlineData("Dimension", 0)]
    [InlineData("Negative", 0)]
    public void Settings_out_of_range_fail_naming_the_setting(string setting, int value)
    {
        var options = setting switch
        {
            "Window" => _small with { Window = value },
            "Dimension" => _small with { Dimension = value },
            _ => _small with { Negative = value },
        };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Word2VecTrainer.Train(TopicCorpus(10), options));
        Assert.Equal(setting, error.ParamName);
        Assert.Contains($"{setting} must be", error.Message);
    }

    [Fact]
    public void A_diverging_run_stops_naming_the_step()
    {
        var options = _small with { LearningRate = 10, Negative = 20, Dimension = 64 };
        var error = Assert.Throws<InvalidOperationException>(() => Word2VecTrainer.Train(TopicCorpus(), options));
        Assert.Contains("diverged", error.Message);
        Assert.Contains("epoch", error.Message);
        Assert.Contains("Lower LearningRate", error.Message);
    }
}
