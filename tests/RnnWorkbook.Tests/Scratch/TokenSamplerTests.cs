using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

/// <summary>The one sampler (temperature, top-k, excluded ids) and the scratch text generator that calls it.</summary>
public sealed class TokenSamplerTests
{
    [Fact]
    public void Temperature_scales_the_scores_before_the_softmax()
    {
        float[] scores = [2, 1, 0, -1];
        double[] softmax = [.. scores.Select(s => Math.Exp(s))];
        double sum = softmax.Sum();

        AssertClose([.. softmax.Select(p => p / sum)], TokenSampler.Probabilities(scores, 1));
        // τ = 2 is the softmax of the halved scores: flatter.
        double[] half = [.. scores.Select(s => Math.Exp(s / 2.0))];
        AssertClose([.. half.Select(p => p / half.Sum())], TokenSampler.Probabilities(scores, 2));
        Assert.True(TokenSampler.Probabilities(scores, 0.01)[0] > 1 - 1e-12);
        Assert.Equal(0, TokenSampler.Probabilities(scores, 1, new HashSet<int> { 0 })[0]);
    }

    [Fact]
    public void Top_k_keeps_the_k_largest_scores_and_ties_keep_the_lower_id()
    {
        float[] scores = [0.5f, 2f, -1f, 2f];
        Assert.Equal(1, TokenSampler.Sample(scores, 1, new Random(1), topK: 1)); // tie at 2: the lower id

        // k = 2 keeps ids 1 and 3 (equal scores): ½ each. τ = 1, all kept: e^s / Σ e^s.
        Assert.Equal([0, 0.5, 0, 0.5], TokenSampler.Probabilities(scores, 1, topK: 2));
        double z = Math.Exp(0.5) + 2 * Math.Exp(2) + Math.Exp(-1);
        var p = TokenSampler.Probabilities(scores, 1);
        Assert.Equal(Math.Exp(0.5) / z, p[0], 12);
        var sharp = TokenSampler.Probabilities(scores, 0.5);
        Assert.Equal(Math.Exp(1) / (Math.Exp(1) + 2 * Math.Exp(4) + Math.Exp(-2)), sharp[0], 12);
    }

    [Fact]
    public void Excluded_ids_are_left_out_before_the_top_k_cut()
    {
        float[] scores = [0.5f, 2f, -1f, 2f];
        // Without id 1, the two largest are id 3 (2) and id 0 (0.5): e^2 and e^0.5 over their sum.
        var p = TokenSampler.Probabilities(scores, 1, new HashSet<int> { 1 }, topK: 2);
        double z = Math.Exp(2) + Math.Exp(0.5);
        Assert.Equal([Math.Exp(0.5) / z, 0, 0, Math.Exp(2) / z], p, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(3, TokenSampler.Sample(scores, 1, new Random(1), new HashSet<int> { 1 }, topK: 1));
    }

    [Fact]
    public void Sampling_refuses_a_bad_temperature_top_k_or_scores()
    {
        float[] scores = [0.5f, 2f, -1f, 2f];
        foreach (double t in new[] { 0, -1, double.NaN, double.PositiveInfinity })
        {
            Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => TokenSampler.Sample(scores, t, new Random(1))).ParamName);
        }

        Assert.Equal("topK", Assert.Throws<ArgumentOutOfRangeException>(() => TokenSampler.Sample(scores, 1, new Random(1), topK: 0)).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => TokenSampler.Probabilities([], 1)).ParamName);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => TokenSampler.Probabilities([1f, float.NaN], 1)).ParamName);
        Assert.Equal("excluded", Assert.Throws<ArgumentException>(() => TokenSampler.Probabilities([1f, 2f], 1, new HashSet<int> { 0, 1 })).ParamName);
    }

    [Fact]
    public void Draws_follow_the_distribution()
    {
        float[] scores = [0.5f, 0, -0.5f, 1];
        var p = TokenSampler.Probabilities(scores, 0.8);
        var random = new Random(5);
        var counts = new int[4];
        const int n = 40_000;
        for (int i = 0; i < n; i++)
        {
            counts[TokenSampler.Sample(scores, 0.8, random)]++;
        }

        for (int i = 0; i < 4; i++)
        {
            // Four standard deviations of a binomial count.
            Assert.InRange(counts[i], n * p[i] - 4 * Math.Sqrt(n * p[i] * (1 - p[i])), n * p[i] + 4 * Math.Sqrt(n * p[i] * (1 - p[i])));
        }
    }

    [Fact]
    public void Generated_text_repeats_with_the_seed_and_never_holds_an_excluded_id()
    {
        var model = new SimpleRnnLm<float>(vocabularySize: 9, wordVecSize: 3, hiddenSize: 5);
        new NormalRandom(3).Fill(model.Params[4], 2.0);
        var excluded = new HashSet<int> { 0 };
        int[] first = TextGeneration.Generate(model, [1, 2], 30, 1.0, seed: 4, excluded: excluded);
        Assert.Equal(first, TextGeneration.Generate(model, [1, 2], 30, 1.0, seed: 4, excluded: excluded));
        Assert.NotEqual(first, TextGeneration.Generate(model, [1, 2], 30, 1.0, seed: 5, excluded: excluded));
        Assert.DoesNotContain(0, first);
        // k = 1 is greedy: the seed no longer matters.
        Assert.Equal(TextGeneration.Generate(model, [1, 2], 30, 1.0, topK: 1, seed: 4), TextGeneration.Generate(model, [1, 2], 30, 1.0, topK: 1, seed: 5));
    }

    [Fact]
    public void Generation_refuses_bad_settings_before_any_work()
    {
        var model = new SimpleRnnLm<float>(vocabularySize: 4, wordVecSize: 3, hiddenSize: 3);
        foreach (double t in new[] { 0, -1, double.NaN, double.PositiveInfinity })
        {
            Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => TextGeneration.Generate(model, [0], 5, t)).ParamName);
        }

        Assert.Equal("topK", Assert.Throws<ArgumentOutOfRangeException>(() => TextGeneration.Generate(model, [0], 5, topK: 0)).ParamName);
        Assert.Equal("prompt", Assert.Throws<ArgumentException>(() => TextGeneration.Generate(model, [], 5)).ParamName);
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 12);
        }
    }
}
