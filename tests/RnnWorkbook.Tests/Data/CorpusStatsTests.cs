using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Data;

public sealed class CorpusStatsTests
{
    [Fact]
    public void A_small_text_counted_by_hand()
    {
        // "the cat saw the dog" is 19 characters, the line break 1, "the end" 7.
        var stats = CorpusStats.Of("the cat saw the dog\nthe end", top: 2);

        Assert.Equal(27, stats.Characters);
        Assert.Equal(2, stats.Lines);
        Assert.Equal(7, stats.Tokens);
        Assert.Equal(5, stats.DistinctTokens);
        Assert.Equal([new TokenCount("the", 3), new TokenCount("cat", 1)], stats.TopTokens);
    }

    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("a b\n", 1, 2)]
    [InlineData("\n\n", 2, 0)]
    [InlineData("  a\t\tb \r\nc", 2, 3)]
    public void Lines_and_tokens_at_the_edges(string text, long lines, long tokens)
    {
        var stats = CorpusStats.Of(text);

        Assert.Equal(lines, stats.Lines);
        Assert.Equal(tokens, stats.Tokens);
    }

    [Fact]
    public void The_printed_form_lists_counts_and_top_tokens()
    {
        var text = CorpusStats.Of("the cat saw the dog\nthe end", top: 2).ToString();

        Assert.Equal(
            "characters                 27\n" +
            "lines                       2\n" +
            "tokens                      7\n" +
            "distinct tokens             5\n" +
            "top 2 tokens    the (3), cat (1)",
            text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_Korean_sample_has_37_distinct_words_in_8_lines()
    {
        // Every eojeol of the sample occurs once, so the ties are broken in ordinal order: 갔 (U+AC14) comes first.
        var stats = CorpusStats.Of(PlainText.Read(RepositoryPaths.Sample("korean.txt")), top: 1);

        Assert.Equal(158, stats.Characters);
        Assert.Equal(8, stats.Lines);
        Assert.Equal(37, stats.Tokens);
        Assert.Equal(37, stats.DistinctTokens);
        Assert.Equal([new TokenCount("갔어요.", 1)], stats.TopTokens);
    }

    [Fact]
    public void The_English_sample_keeps_contractions_and_addresses_whole()
    {
        // Counts agree with `wc` (lines, words, characters) on the same file.
        var text = PlainText.Read(RepositoryPaths.Sample("english.txt"));
        var stats = CorpusStats.Of(text, top: 2);
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(928, stats.Characters);
        Assert.Equal(9, stats.Lines);
        Assert.Equal(161, stats.Tokens);
        Assert.Equal(126, stats.DistinctTokens);
        Assert.Equal([new TokenCount("the", 8), new TokenCount("and", 6)], stats.TopTokens);
        Assert.Contains("can't", tokens);
        Assert.Contains("https://example.org/reading-club/notes?week=11", tokens);
        Assert.Contains("club@example.org.", tokens);
    }
}
