using RnnWorkbook.Embeddings;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Embeddings;

/// <summary>Known answers of the book's toy corpus, the sampler and the subsampling formulas.</summary>
public class BookPathTests
{
    [Fact]
    public void Context_windows_of_the_books_sentence()
    {
        var (corpus, words) = ContextWindows.Preprocess("You say goodbye and I say hello.");
        Assert.Equal([0, 1, 2, 3, 4, 1, 5, 6], corpus);
        Assert.Equal(["you", "say", "goodbye", "and", "i", "hello", "."], words);
        var (contexts, targets) = ContextWindows.Create(corpus, window: 1);
        Assert.Equal([1, 2, 3, 4, 1, 5], targets);
        Assert.Equal(0, contexts[0, 0]);
        Assert.Equal(2, contexts[0, 1]);
        Assert.Equal(1, contexts[5, 0]);
        Assert.Equal(6, contexts[5, 1]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ContextWindows.Create(corpus, window: 4));
        Assert.Contains("at least 9 words", error.Message);
    }

    [Fact]
    public void Unigram_sampler_follows_counts_to_the_power_and_never_returns_the_target()
    {
        var sampler = new UnigramSampler([16, 1, 0, 81], power: 0.75, sampleSize: 3, seed: 7);
        // 16^0.75 = 8, 1, 0, 81^0.75 = 27 → 8/36, 1/36, 0, 27/36
        Assert.Equal([8 / 36.0, 1 / 36.0, 0, 27 / 36.0], sampler.Probabilities, (a, b) => Math.Abs(a - b) < 1e-12);
        var negatives = sampler.NegativeSample([3, 3, 0, 1]);
        for (int n = 0; n < 4; n++)
        {
            for (int k = 0; k < 3; k++)
            {
                Assert.NotEqual(new[] { 3, 3, 0, 1 }[n], negatives[n, k]);
                Assert.NotEqual(2, negatives[n, k]);
            }
        }

        int draws = 36_000, rare = Enumerable.Range(0, draws).Count(_ => sampler.Next() == 1);
        Assert.InRange(rare, 700, 1300);   // expected 1,000
        Assert.Throws<ArgumentException>(() => new UnigramSampler([5, 0, 0]));
    }

    [Fact]
    public void Subsampling_formulas_of_the_paper_and_of_word2vec_c()
    {
        // f = 0.01, t = 1e-4: paper discards 1 − √(0.01) = 0.9; word2vec.c keeps (√100 + 1) · 0.01 = 0.11
        Assert.Equal(0.9, Subsampling.DiscardProbability(1_000, 100_000, 1e-4), 12);
        Assert.Equal(0.11, Subsampling.KeepProbability(1_000, 100_000, 1e-4), 12);
        Assert.Equal(0, Subsampling.DiscardProbability(1, 100_000, 1e-3));
        Assert.Equal(1, Subsampling.KeepProbability(1, 100_000, 1e-3));
        Assert.Equal(1, Subsampling.KeepProbability(50_000, 100_000, 0));
    }

    [Fact]
    public void Simple_cbow_learns_the_toy_corpus()
    {
        var (corpus, _) = ContextWindows.Preprocess("You say goodbye and I say hello.");
        var (contexts, targets) = ContextWindows.Create(corpus, window: 1);
        var model = new SimpleCbow<float>(vocabularySize: 7, hiddenSize: 5);
        var optimizer = new Adam<float>();
        float first = model.Forward(contexts, targets), last = first;
        for (int epoch = 0; epoch < 1000; epoch++)
        {
            last = model.Forward(contexts, targets);
            model.Backward();
            optimizer.Update(model.Parameters.Values(), model.Parameters.Gradients());
        }

        Assert.Equal(MathF.Log(7), first, 2);   // untrained: uniform over 7 words
        Assert.True(last < 1f, $"loss after training {last}");
    }
}
