using RnnWorkbook.Text.LanguageModels;

namespace RnnWorkbook.Tests.Text;

public sealed class KneserNeyTrigramTests
{
    // V = { a = 0, b = 1, </s> = 2 }; sentences "a b" and "b", padded <s> <s> a b </s> and <s> <s> b </s>.
    private const int A = 0, B = 1, End = 2;

    private static KneserNeyTrigram Tiny() => new([[A, B], [B]], vocabularySize: 3, endOfSentence: End, discounts: [0.5, 0.5, 0.5]);

    [Fact]
    public void Probabilities_match_the_counts_worked_by_hand()
    {
        var lm = Tiny();
        int s = lm.Start;

        // Continuation counts of the unigrams: a after <s>; b after a and after <s>; </s> after b. a(·) = 4, 3 types.
        // P1(a) = (1 − .5 + .5·3·⅓) / 4 = .25, P1(b) = (2 − .5 + .5) / 4 = .5, P1(</s>) = .25.
        // Bigram context b: adjusted a(b </s>) = 2 (two left extensions, a and <s>), one type.
        // P2(</s> | b) = (2 − .5 + .5·1·.25) / 2 = .8125; P2(a | b) = .5·.25 / 2 = .0625; P2(b | b) = .5·.5 / 2 = .125.
        // P3(</s> | a b) = (1 − .5 + .5·1·.8125) / 1 = .90625.
        Assert.Equal(0.90625, lm.Probability(A, B, End), 12);
        Assert.Equal(0.5 * 0.0625, lm.Probability(A, B, A), 12);
        Assert.Equal(0.5 * 0.125, lm.Probability(A, B, B), 12);

        // Context <s> <s>: c = 2, 2 types. Bigram <s>: a sentence start keeps raw counts, a(<s> a) = a(<s> b) = 1.
        // P2(a | <s>) = (1 − .5 + .5·2·.25) / 2 = .375, so P3(a | <s> <s>) = (1 − .5 + .5·2·.375) / 2 = .4375.
        Assert.Equal(0.4375, lm.Probability(s, s, A), 12);
        // P2(</s> | <s>) = .5·2·.25 / 2 = .125, P3(</s> | <s> <s>) = .5·2·.125 / 2 = .0625: a blank line is possible.
        Assert.Equal(0.0625, lm.Probability(s, s, End), 12);
    }

    [Fact]
    public void An_unseen_context_passes_all_its_mass_to_the_lower_order()
    {
        var lm = Tiny();

        // (b, a) was never seen: P3(· | b a) = P2(· | a); a was followed once, by b: P2(b | a) = (1 − .5 + .5·.5) / 1 = .75.
        Assert.Equal(0.75, lm.Probability(B, A, B), 12);
        // </s> is never a context: straight to the unigram level.
        Assert.Equal(0.25, lm.Probability(End, End, A), 12);
    }

    [Theory]
    [InlineData(0.7, 0.6, 0.8)]
    [InlineData(1.0, 1.0, 1.0)]
    [InlineData(0.05, 0.3, 0.5)]
    public void Every_context_is_a_distribution_over_the_vocabulary(double d1, double d2, double d3)
    {
        var random = new Random(3);
        const int v = 12;
        int[][] sentences = [.. Enumerable.Range(0, 200).Select(_ => Enumerable.Range(0, random.Next(0, 9)).Select(_ => random.Next(v - 2)).ToArray())];
        var lm = new KneserNeyTrigram(sentences, v, endOfSentence: v - 1, [d1, d2, d3]);

        // id v − 2 never occurs in training (like a vocabulary word that is absent): it still gets mass from 1/V.
        for (int u = 0; u <= v; u++)
        {
            for (int w = 0; w <= v; w++)
            {
                var p = lm.Distribution(u, w);
                Assert.Equal(1.0, p.Sum(), 12);
                Assert.All(p, q => Assert.True(q > 0));
            }
        }
    }

    [Fact]
    public void Discounts_are_Neys_estimate_from_the_counts_of_counts()
    {
        // Sentences "a", "a", "b": trigrams <s><s>a ×2, <s>a</s> ×2, <s><s>b, <s>b</s>: n1 = 2, n2 = 2, D3 = 2 / 6.
        // Bigrams (adjusted): <s>a = 2 and <s>b = 1 (sentence starts keep raw counts), a</s> = 1, b</s> = 1:
        // n1 = 3, n2 = 1, D2 = 3 / 5. Unigrams (continuation): a = 1, b = 1, </s> = 2: n1 = 2, n2 = 1, D1 = 2 / 4.
        var lm = new KneserNeyTrigram([[A], [A], [B]], vocabularySize: 3, endOfSentence: End);

        Assert.Equal(0.5, lm.Discounts[0], 12);
        Assert.Equal(0.6, lm.Discounts[1], 12);
        Assert.Equal(1 / 3.0, lm.Discounts[2], 12);
    }

    [Fact]
    public void Perplexity_is_the_exponential_of_the_mean_negative_log_probability_of_words_and_ends()
    {
        var lm = Tiny();
        int s = lm.Start;
        double expected = Math.Exp(-(Math.Log(lm.Probability(s, s, A)) + Math.Log(lm.Probability(s, A, B)) + Math.Log(lm.Probability(A, B, End))) / 3);

        var (nll, tokens) = lm.Score([[A, B]]);

        Assert.Equal(3, tokens);
        Assert.Equal(expected, lm.Perplexity([[A, B]]), 12);
        Assert.Equal(Math.Log(expected) * 3, nll, 12);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_argument_named()
    {
        Assert.Equal("sentences", Assert.Throws<ArgumentException>(() => new KneserNeyTrigram([[0, 5]], 3, 2, [0.5, 0.5, 0.5])).ParamName);
        Assert.Equal("discounts", Assert.Throws<ArgumentException>(() => new KneserNeyTrigram([[0]], 3, 2, [0.5, 1.5, 0.5])).ParamName);
        var tooSmall = Assert.Throws<ArgumentException>(() => new KneserNeyTrigram([[0]], 3, 2));
        Assert.Contains("pass the three discounts", tooSmall.Message);
        Assert.Equal("w", Assert.Throws<ArgumentOutOfRangeException>(() => Tiny().Probability(0, 0, 3)).ParamName);
    }
}
