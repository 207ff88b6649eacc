using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Data;

public sealed class WikiTextTests
{
    [Theory]
    [InlineData(" = Paper Boats = ", 1, "Paper Boats")]
    [InlineData(" = = Folding = = ", 2, "Folding")]
    [InlineData(" = = = = = Final Four = = = = = ", 5, "Final Four")]
    [InlineData("= <unk> 500 =", 1, "<unk> 500")]
    public void Headings_are_recognised_with_their_level(string line, int level, string title)
    {
        Assert.True(WikiText.TryParseHeading(line, out var parsedLevel, out var parsedTitle));
        Assert.Equal(level, parsedLevel);
        Assert.Equal(title, parsedTitle);
    }

    [Theory]
    [InlineData(" = National record ")]
    [InlineData(" q = ")]
    [InlineData(" = = Unbalanced = ")]
    [InlineData(" = = ")]
    [InlineData(" = = = ")]
    [InlineData(" The sum 2 = 2 is true . ")]
    [InlineData("")]
    public void Lines_that_only_look_like_headings_are_not(string line)
    {
        Assert.False(WikiText.TryParseHeading(line, out var level, out _));
        Assert.Equal(0, level);
    }

    [Fact]
    public void The_sample_has_blank_heading_and_text_lines()
    {
        var lines = WikiText.ReadLines(RepositoryPaths.Sample("wikitext-sample.txt"));

        Assert.Equal(23, lines.Count);
        Assert.Equal(Enumerable.Range(1, 23), lines.Select(l => l.Number));
        Assert.Equal(11, lines.Count(l => l.Kind == WikiTextLineKind.Blank));
        Assert.Equal(7, lines.Count(l => l.Kind == WikiTextLineKind.Text));
        Assert.Equal(
            [(2, 1, "Paper Boats"), (6, 2, "Folding"), (10, 3, "Common mistakes"), (14, 2, "Sailing"), (20, 1, "Kites")],
            lines.Where(l => l.Kind == WikiTextLineKind.Heading).Select(l => (l.Number, l.HeadingLevel, l.Heading!)));
        Assert.Equal(WikiTextLineKind.Text, lines[16].Kind);
        Assert.Equal(" = not a heading ", lines[16].Text);
    }

    [Fact]
    public void The_sample_splits_into_two_articles()
    {
        var articles = WikiText.ReadArticles(RepositoryPaths.Sample("wikitext-sample.txt"));

        Assert.Equal([("Paper Boats", 2, 17), ("Kites", 20, 3)], articles.Select(a => (a.Title, a.LineNumber, a.Lines.Count)));
        Assert.Equal(["Folding", "Common mistakes", "Sailing"], articles[0].Sections.Select(s => s.Heading!));
        Assert.Equal(6, articles[0].Paragraphs.Count());
        Assert.Equal(
            ["A", "kite", "is", "a", "<unk>", "frame", "covered", "with", "paper", "or", "cloth", "."],
            articles[1].Tokens());
    }

    [Fact]
    public void Tokens_keep_unk_and_the_split_number_markers()
    {
        Assert.Equal(["about", "3", "@.@", "5", "<unk>"], WikiText.Tokenize(" about 3 @.@ 5 <unk> "));
    }
}
