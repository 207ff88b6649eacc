using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Data;

public sealed class WikiTextSplitTests
{
    // Ten articles of 1 … 10 paragraph words (each title line " = Tn = " is 3 tokens), after one line that belongs to none.
    private static IReadOnlyList<WikiTextLine> TenArticles()
    {
        var text = new List<string> { " " };
        for (int a = 1; a <= 10; a++)
        {
            text.AddRange([$" = T{a} = ", " ", " " + string.Join(" ", Enumerable.Repeat($"w{a}", a)) + " ", " "]);
        }

        return [.. text.Select((line, i) => WikiText.ParseLine(i + 1, line))];
    }

    [Fact]
    public void Whole_articles_go_to_one_part_and_every_line_of_them_is_kept()
    {
        var split = WikiTextSplit.ByArticle(TenArticles(), validationShare: 0.2, seed: 1);

        Assert.Equal(1, split.LinesOutsideArticles);
        Assert.Equal(10, split.Training.Count + split.Validation.Count);
        Assert.Empty(split.Training.Select(a => a.Title).Intersect(split.Validation.Select(a => a.Title)));
        Assert.All(split.Training.Concat(split.Validation), a => Assert.Equal(4, a.Lines.Count));
        // Each part in file order.
        Assert.Equal(split.Training.Select(a => a.Index).Order(), split.Training.Select(a => a.Index));
        // 85 tokens in all (55 words, 30 in titles); validation holds at least 20% of them.
        int held = split.Validation.Sum(a => a.TokenCount);
        Assert.Equal(85, held + split.Training.Sum(a => a.TokenCount));
        Assert.True(held >= 0.2 * 85);
        // The token stream: every line's tokens, then <eos>, 4 lines an article.
        Assert.Equal(held + 4 * split.Validation.Count, WikiTextSplit.Stream(split.Validation).Count);
        Assert.Equal(4 * split.Validation.Count, WikiTextSplit.Stream(split.Validation).Count(t => t == WikiText.EndOfLineToken));
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        string[] Held(int seed) => [.. WikiTextSplit.ByArticle(TenArticles(), 0.2, seed).Validation.Select(a => a.Title)];

        Assert.Equal(Held(7), Held(7));
        Assert.Contains(Enumerable.Range(0, 10), seed => !Held(seed).SequenceEqual(Held(7)));
    }

    [Fact]
    public void Bad_shares_and_too_few_articles_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WikiTextSplit.ByArticle(TenArticles(), validationShare: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => WikiTextSplit.ByArticle(TenArticles(), validationShare: 1));
        Assert.Equal("validationShare", Assert.Throws<ArgumentException>(() => WikiTextSplit.ByArticle(TenArticles(), 0.999)).ParamName);
        Assert.Equal("lines", Assert.Throws<ArgumentException>(() => WikiTextSplit.ByArticle([WikiText.ParseLine(1, " = Only = ")])).ParamName);
    }

    [MirrorFact]
    public void The_real_valid_split_accounts_for_every_token()
    {
        var split = WikiTextSplit.ByArticle(Path.Combine(RepositoryPaths.RealMirror, "wikitext-2", "valid.txt"));

        Assert.Equal(60, split.Training.Count + split.Validation.Count);
        // valid.txt: 213,886 words on 3,760 lines, with <eos> 217,646; its first line (blank) is outside every article.
        Assert.Equal(1, split.LinesOutsideArticles);
        Assert.Equal(217_646 - 1, WikiTextSplit.Stream(split.Training).Count + WikiTextSplit.Stream(split.Validation).Count);
    }
}
