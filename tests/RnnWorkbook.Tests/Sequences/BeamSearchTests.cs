using RnnWorkbook.Sequences;

namespace RnnWorkbook.Tests.Sequences;

/// <summary>Beam search on hand-set next-token tables whose answers are worked out below.</summary>
public class BeamSearchTests
{
    private const int Start = 0, End = 1, A = 2, B = 3;

    // P(next | previous) over [<s>, </s>, a, b]:
    //   after <s>: a .6, b .4          after a: </s> .4, a .3, b .3          after b: </s> .9, a .05, b .05
    // Greedy takes a (.6), then </s> (.4): "a" with .24. Width 2 keeps a and b; of the six extensions the two best
    // are b </s> (.4 · .9 = .36) and a </s> (.24), both finished, so it returns "b" (.36) before "a" (.24).
    private static readonly double[][] Table =
    [
        [0, 0, 0.6, 0.4],
        [0, 0, 0, 0],
        [0, 0.4, 0.3, 0.3],
        [0, 0.9, 0.05, 0.05],
    ];

    [Fact]
    public void Width_one_is_greedy_decoding()
    {
        var best = Search(Table, beamWidth: 1, maxLength: 10);

        var only = Assert.Single(best);
        Assert.Equal([A], only.Tokens);
        Assert.Equal(Math.Log(0.6 * 0.4), only.LogProbability, 6);
        Assert.True(only.Finished);
    }

    [Fact]
    public void Width_two_finds_the_more_probable_output_greedy_misses()
    {
        var hypotheses = Search(Table, beamWidth: 2, maxLength: 10);

        Assert.Equal(2, hypotheses.Count);
        Assert.Equal([B], hypotheses[0].Tokens);
        Assert.Equal(Math.Log(0.36), hypotheses[0].LogProbability, 6);
        Assert.Equal([A], hypotheses[1].Tokens);
        Assert.Equal(Math.Log(0.24), hypotheses[1].LogProbability, 6);
    }

    [Fact]
    public void A_decoder_that_never_ends_stops_at_the_length_limit_and_says_so()
    {
        double[][] loop = [[0, 0, 1, 0], [0, 0, 1, 0], [0, 0, 1, 0], [0, 0, 1, 0]];

        var best = Search(loop, beamWidth: 3, maxLength: 4)[0];

        Assert.False(best.Finished);
        Assert.Equal([A, A, A, A], best.Tokens);
        Assert.Equal(0, best.LogProbability, 9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Width_below_one_fails_naming_the_argument(int width)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Search(Table, width, 5));
        Assert.Equal("beamWidth", error.ParamName);
        Assert.Contains("at least one hypothesis", error.Message);
    }

    // The state is nothing: the table depends only on the last token, which the search passes in.
    private static IReadOnlyList<BeamHypothesis> Search(double[][] table, int beamWidth, int maxLength) =>
        BeamSearch.Search(0, Start, End, beamWidth, maxLength,
            (state, last) => ([.. last.Select(t => table[t].Select(p => (float)Math.Log(p)).ToArray())], state),
            (state, rows) => state);
}
