using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Data;

/// <summary>
/// The real corpora in the read-only mirror beside the repository. Expected numbers were counted with
/// independent tools (sha256sum, wc, Python's csv module and str.split) on the same files.
/// </summary>
public sealed class RealMirrorTests : IDisposable
{
    private readonly TempFolder _cache = new();
    private readonly HttpClient _offline = new(new NoNetworkHandler());
    private readonly DatasetStore _store;

    public RealMirrorTests()
    {
        _store = new DatasetStore(DatasetCatalog.Default, new DataLocations(RepositoryPaths.RealMirror, _cache.Path), _offline);
    }

    public void Dispose()
    {
        _offline.Dispose();
        _cache.Dispose();
    }

    [MirrorFact]
    public void Every_mirrored_file_matches_the_manifest()
    {
        var report = _store.Status();

        Assert.Equal(20, report.Files.Count);
        Assert.All(report.Files, f => Assert.Equal(DataFileState.Mirror, f.State));
        Assert.True(report.AllAvailable);
        Assert.Empty(_cache.Files());
    }

    [MirrorFact]
    public void ChatbotData_has_11823_pairs_with_labels_0_to_2()
    {
        var pairs = ChatbotCsv.Read(_store.Path("chatbot-ko", "ChatbotData.csv"));

        Assert.Equal(11_823, pairs.Count);
        var byLabel = pairs.CountBy(p => p.Label).ToDictionary();
        Assert.Equal(5_290, byLabel[ChatbotLabel.Everyday]);
        Assert.Equal(3_570, byLabel[ChatbotLabel.Breakup]);
        Assert.Equal(2_963, byLabel[ChatbotLabel.Love]);
        Assert.Equal(new ChatbotPair("12시 땡!", "하루가 또 가네요.", ChatbotLabel.Everyday), pairs[0]);
        Assert.Contains(new ChatbotPair("4년을 만났어도,,", "사람 속을 모를 때가 있어요.", ChatbotLabel.Breakup), pairs);
        Assert.DoesNotContain(pairs, p => p.Question.Contains('\r') || p.Answer.Contains('\r'));
    }

    [MirrorFact]
    public void TinyShakespeare_has_1115394_characters()
    {
        var stats = CorpusStats.Of(_store.ReadAllText("tinyshakespeare", "input.txt"), top: 3);

        Assert.Equal(1_115_394, stats.Characters);
        Assert.Equal(40_000, stats.Lines);
        Assert.Equal(202_651, stats.Tokens);
        Assert.Equal(25_670, stats.DistinctTokens);
        Assert.Equal([new("the", 5_437), new("I", 4_403), new TokenCount("to", 3_923)], stats.TopTokens);
    }

    [MirrorFact]
    public void WikiText_valid_has_60_articles_and_keeps_unk()
    {
        var lines = WikiText.ReadLines(_store.Path("wikitext-2", "valid.txt"));
        var articles = WikiText.SplitArticles(lines);

        Assert.Equal(3_760, lines.Count);
        Assert.Equal(60, articles.Count);
        Assert.Equal("Homarus gammarus", articles[0].Title);
        Assert.Equal(
            [(1, 60), (2, 301), (3, 237), (4, 21), (5, 1)],
            lines.Where(l => l.Kind == WikiTextLineKind.Heading).CountBy(l => l.HeadingLevel).OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
        var tokens = lines.SelectMany(l => l.Tokens()).ToArray();
        Assert.Equal(213_886, tokens.Length);
        Assert.Equal(11_718, tokens.Count(t => t == WikiText.UnknownToken));
    }

    [MirrorFact]
    public void WikiText_test_has_62_articles_and_table_rows_are_not_headings()
    {
        var lines = WikiText.ReadLines(_store.Path("wikitext-2", "test.txt"));

        Assert.Equal(62, WikiText.SplitArticles(lines).Count);
        Assert.Equal(" = <unk> for the next round ", lines[3416].Text);
        Assert.Equal(WikiTextLineKind.Text, lines[3416].Kind);
    }
}
