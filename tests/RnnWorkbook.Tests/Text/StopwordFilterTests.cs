using RnnWorkbook.Text;
using RnnWorkbook.Text.Stopwords;

namespace RnnWorkbook.Tests.Text;

public class StopwordFilterTests
{
    [Fact]
    public void English_list_is_standard_sized_lowercase_and_distinct()
    {
        Assert.InRange(StopwordLists.English.Count, 170, 200);
        Assert.Equal(StopwordLists.English.Count, StopwordLists.English.Distinct().Count());
        Assert.All(StopwordLists.English, w => Assert.Equal(w.ToLowerInvariant(), w));
        Assert.Contains("the", StopwordLists.English);
        Assert.Contains("n't", StopwordLists.English);
    }

    [Fact]
    public void Korean_particles_are_listed()
    {
        foreach (string particle in new[] { "은", "는", "이", "가", "을", "를", "에", "에서", "으로", "로", "와", "과", "의", "도", "만", "까지", "부터", "에게", "한테", "께", "처럼", "보다" })
        {
            Assert.Contains(particle, StopwordLists.KoreanParticles);
        }
    }

    [Fact]
    public void Filter_drops_stopwords_case_insensitively()
    {
        var filter = new StopwordFilter(StopwordLists.English, ["movie"]);
        Assert.Equal(["Cats", "sofa"], filter.Filter(["The", "Cats", "are", "on", "the", "sofa", "movie"]));
        Assert.True(filter.IsStopword("THE"));
        Assert.False(new StopwordFilter(false, StopwordLists.English).IsStopword("THE"));
    }

    [Fact]
    public void Filter_keeps_token_offsets()
    {
        var filter = new StopwordFilter(StopwordLists.KoreanParticles);
        Token[] tokens = [new("학교", 0, 2), new("에서", 2, 2), new("공부", 5, 2)];
        Assert.Equal([tokens[0], tokens[2]], filter.Filter(tokens));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new StopwordFilter(null!));
        Assert.Throws<ArgumentNullException>(() => new StopwordFilter(["a", null!]));
        Assert.Throws<ArgumentNullException>(() => new StopwordFilter().IsStopword(null!));
    }
}
