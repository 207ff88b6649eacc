using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Text;

/// <summary>
/// The course corpora for tests, found as every chapter finds them (<see cref="Datasets"/>: the mirror in
/// RNNWORKBOOK_DATA_MIRROR, then the cache, then a verified download). Tests use the first ~200 KB of each.
/// </summary>
internal static class Corpora
{
    public const int SampleChars = 200_000;

    public static string TinyShakespeare => Sample("tinyshakespeare", "input.txt");

    public static string WikiTextValid => Sample("wikitext-2", "valid.txt");

    /// <summary>The question column of ChatbotData.csv, one question a line.</summary>
    public static string ChatbotQuestions
    {
        get
        {
            var pairs = ChatbotCsv.Read(Datasets.Path("chatbot-ko", "ChatbotData.csv"));
            var text = string.Join('\n', pairs.Select(p => p.Question));
            return text[..Math.Min(text.Length, SampleChars)];
        }
    }

    private static string Sample(string dataset, string file)
    {
        var text = Datasets.ReadAllText(dataset, file);
        return text[..Math.Min(text.Length, SampleChars)];
    }
}
