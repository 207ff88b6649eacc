using System.Text;
using RnnWorkbook.Data;

namespace RnnWorkbook.Bench.Text;

/// <summary>
/// Reads the course corpora for benchmarks through <see cref="Datasets"/> (mirror, cache, verified download),
/// once per process.
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
                text = corpus switch
                {
                    TinyShakespeare => Datasets.ReadAllText(TinyShakespeare, "input.txt"),
                    WikiText => Datasets.ReadAllText(WikiText, "valid.txt"),
                    Chatbot => Datasets.ReadAllText(Chatbot, "ChatbotData.csv"),
                    _ => throw new ArgumentOutOfRangeException(nameof(corpus), corpus, "Unknown corpus."),
                };
                _cache[corpus] = text;
            }

            return text;
        }
    }

    /// <summary>The corpus size in UTF-8 bytes, the unit of the MB/s column.</summary>
    public static long Utf8Bytes(string corpus) => Encoding.UTF8.GetByteCount(Text(corpus));
}
