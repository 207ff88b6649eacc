using RnnWorkbook.Data;

namespace RnnWorkbook.Scratch;

/// <summary>
/// Word ids for the language-model examples: tokens split on spaces with <c>&lt;eos&gt;</c> at each line end
/// (as PyTorch's word_language_model reads WikiText), a vocabulary of the most frequent words, and
/// <c>&lt;unk&gt;</c> for every other word.
/// </summary>
public sealed class WordVocabulary
{
    /// <summary>The token that replaces words outside the vocabulary.</summary>
    public const string Unknown = "<unk>";

    /// <summary>The token added at the end of every line.</summary>
    public const string EndOfSentence = "<eos>";

    private readonly Dictionary<string, int> _ids;
    private readonly string[] _words;

    /// <summary>Keeps the <paramref name="maxSize"/> most frequent tokens (ties: first seen first), plus <see cref="Unknown"/>.</summary>
    public WordVocabulary(IEnumerable<string> tokens, int maxSize)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSize, 2);
        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        int position = 0;
        foreach (string token in tokens)
        {
            counts[token] = counts.TryGetValue(token, out var seen) ? (seen.Count + 1, seen.First) : (1, position);
            position++;
        }

        var kept = counts.Where(c => c.Key != Unknown)
            .OrderByDescending(c => c.Value.Count).ThenBy(c => c.Value.First)
            .Take(maxSize - 1).Select(c => c.Key);
        _words = [Unknown, .. kept];
        _ids = _words.Select((word, id) => (word, id)).ToDictionary(p => p.word, p => p.id, StringComparer.Ordinal);
    }

    /// <summary>The number of ids V.</summary>
    public int Count => _words.Length;

    /// <summary>The words in id order; id 0 is <see cref="Unknown"/>.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>Reads a text file as tokens: each line split on spaces, then <see cref="EndOfSentence"/>.</summary>
    /// <exception cref="System.Text.DecoderFallbackException">The file is not valid UTF-8 (the strict reader of <see cref="PlainText"/>).</exception>
    public static IReadOnlyList<string> ReadTokens(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var tokens = new List<string>();
        using var reader = PlainText.OpenText(path);
        while (reader.ReadLine() is string line)
        {
            tokens.AddRange(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            tokens.Add(EndOfSentence);
        }

        return tokens;
    }

    /// <summary>The id of <paramref name="word"/>, or of <see cref="Unknown"/> when it is not in the vocabulary.</summary>
    public int IdOf(string word) => _ids.TryGetValue(word, out int id) ? id : 0;

    /// <summary>The ids of <paramref name="tokens"/>.</summary>
    public int[] Encode(IEnumerable<string> tokens) => [.. tokens.Select(IdOf)];
}
