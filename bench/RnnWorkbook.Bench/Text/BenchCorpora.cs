using System.Text;

namespace RnnWorkbook.Bench.Text;

/// <summary>
/// Reads the course corpora for benchmarks: from the folder in RNNWORKBOOK_DATA_MIRROR, else the data
/// mirror next to the repository (../shared/data). BenchmarkDotNet runs each benchmark in a child
/// process inside the build output, so the repository is found by walking up to RnnWorkbook.slnx.
/// </summary>
internal static class BenchCorpora
{
    public const string TinyShakespeare = "tinyshakespeare";
    public const string WikiText = "wikitext-2";
    public const string Chatbot = "chatbot-ko";

    private static readonly Dictionary<string, string> _cache = [];

    /// <summary>The whole text of a corpus by its short name.</summary>
    public static string Text(string corpus)
    {
        lock (_cache)
        {
            if (!_cache.TryGetValue(corpus, out string? text))
            {
                text = File.ReadAllText(PathOf(corpus switch
                {
                    TinyShakespeare => "tinyshakespeare/input.txt",
                    WikiText => "wikitext-2/valid.txt",
                    Chatbot => "chatbot-ko/ChatbotData.csv",
                    _ => throw new ArgumentOutOfRangeException(nameof(corpus), corpus, "Unknown corpus."),
                }));
                _cache[corpus] = text;
            }

            return text;
        }
    }

    /// <summary>The corpus size in UTF-8 bytes, the unit of the MB/s column.</summary>
    public static long Utf8Bytes(string corpus) => Encoding.UTF8.GetByteCount(Text(corpus));

    private static string PathOf(string relativePath)
    {
        var folders = new List<string>();
        if (Environment.GetEnvironmentVariable("RNNWORKBOOK_DATA_MIRROR") is { Length: > 0 } mirror)
        {
            folders.Add(mirror);
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RnnWorkbook.slnx")))
            {
                folders.Add(Path.Combine(folder.FullName, "..", "shared", "data"));
                break;
            }
        }

        foreach (string folder in folders)
        {
            string path = Path.Combine(folder, relativePath);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"Corpus {relativePath} not found in {string.Join(", ", folders)}; set RNNWORKBOOK_DATA_MIRROR.");
    }
}
