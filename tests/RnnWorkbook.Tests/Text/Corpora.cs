namespace RnnWorkbook.Tests.Text;

/// <summary>
/// Reads the course corpora for tests: from the folder in RNNWORKBOOK_DATA_MIRROR, else the data
/// mirror next to the repository (../shared/data), else /work/shared/data. Tests use the first
/// ~200 KB of each file to stay fast.
/// </summary>
internal static class Corpora
{
    public const int SampleChars = 200_000;

    public static string TinyShakespeare => Sample("tinyshakespeare/input.txt");

    public static string WikiTextValid => Sample("wikitext-2/valid.txt");

    /// <summary>The question column of ChatbotData.csv, one question a line.</summary>
    public static string ChatbotQuestions
    {
        get
        {
            var questions = File.ReadLines(PathOf("chatbot-ko/ChatbotData.csv")).Skip(1).Select(line => line.Split(',')[0]);
            var text = string.Join('\n', questions);
            return text[..Math.Min(text.Length, SampleChars)];
        }
    }

    private static string Sample(string relativePath)
    {
        using var reader = new StreamReader(PathOf(relativePath));
        var buffer = new char[SampleChars];
        int read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }

    private static string PathOf(string relativePath)
    {
        foreach (string folder in Candidates())
        {
            string path = Path.Combine(folder, relativePath);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException(
            $"Corpus '{relativePath}' not found; set RNNWORKBOOK_DATA_MIRROR to the data mirror folder. Looked in: {string.Join(", ", Candidates())}");
    }

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable("RNNWORKBOOK_DATA_MIRROR") is { Length: > 0 } mirror)
        {
            yield return mirror;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RnnWorkbook.slnx")))
            {
                yield return Path.Combine(folder.FullName, "..", "shared", "data");
                break;
            }
        }

        yield return "/work/shared/data";
    }
}
