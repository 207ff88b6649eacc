using System.Text.Json;
using RnnWorkbook.Platform;

namespace RnnWorkbook.Text;

/// <summary>
/// A token ↔ id table for word-level models, with four reserved tokens: <c>&lt;pad&gt;</c> = 0,
/// <c>&lt;unk&gt;</c> = 1, <c>&lt;bos&gt;</c> = 2, <c>&lt;eos&gt;</c> = 3. Tokens not in the table encode as
/// <c>&lt;unk&gt;</c>.
/// </summary>
/// <remarks>
/// Built from token counts: tokens seen fewer than <c>minFrequency</c> times are left out, and with
/// <c>maxSize</c> only the most frequent survive. Ties are broken deterministically, by count
/// (descending) and then by ordinal string order, so the same corpus always gives the same ids.
/// Reserved tokens that occur in the corpus (WikiText writes "&lt;unk&gt;" for rare words) keep their
/// reserved ids and are not added twice.
/// <para>One vocabulary serves every word-level model of the course. A language model over WikiText reads
/// each line's tokens followed by <c>&lt;eos&gt;</c> and calls <c>Build(tokens, maxSize: V)</c>: the corpus's
/// <c>&lt;unk&gt;</c> and <c>&lt;eos&gt;</c> keep ids 1 and 3, and <c>V</c> counts all four reserved tokens, so a
/// model that never pads has two ids (<c>&lt;pad&gt;</c>, <c>&lt;bos&gt;</c>) it never sees as targets. Ids are
/// fixed by the rule above, never by the order the corpus is read in.</para>
/// </remarks>
public sealed class Vocabulary
{
    /// <summary>Padding, to make sequences in a batch the same length.</summary>
    public const string PadToken = "<pad>";

    /// <summary>Stands for every token not in the table.</summary>
    public const string UnknownToken = "<unk>";

    /// <summary>Marks the beginning of a sequence.</summary>
    public const string BeginToken = "<bos>";

    /// <summary>Marks the end of a sequence.</summary>
    public const string EndToken = "<eos>";

    /// <summary>Id of <see cref="PadToken"/>.</summary>
    public const int PadId = 0;

    /// <summary>Id of <see cref="UnknownToken"/>.</summary>
    public const int UnknownId = 1;

    /// <summary>Id of <see cref="BeginToken"/>.</summary>
    public const int BeginId = 2;

    /// <summary>Id of <see cref="EndToken"/>.</summary>
    public const int EndId = 3;

    /// <summary>The reserved tokens, in id order.</summary>
    public static IReadOnlyList<string> ReservedTokens { get; } = [PadToken, UnknownToken, BeginToken, EndToken];

    private readonly string[] _tokens;
    private readonly Dictionary<string, int> _ids;

    private Vocabulary(IEnumerable<string> ordinaryTokens)
    {
        _tokens = [.. ReservedTokens, .. ordinaryTokens];
        _ids = new Dictionary<string, int>(_tokens.Length, StringComparer.Ordinal);
        for (int id = 0; id < _tokens.Length; id++)
        {
            if (!_ids.TryAdd(_tokens[id], id))
            {
                throw new ArgumentException($"The token '{_tokens[id]}' appears twice (reserved tokens are added automatically).", "tokens");
            }
        }
    }

    /// <summary>Number of tokens, reserved ones included.</summary>
    public int Count => _tokens.Length;

    /// <summary>All tokens in id order.</summary>
    public IReadOnlyList<string> Tokens => _tokens.AsReadOnly();

    /// <summary>The token with id <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not an id of this vocabulary.</exception>
    public string this[int id]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(id);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, _tokens.Length);
            return _tokens[id];
        }
    }

    /// <summary>Counts <paramref name="tokens"/> and builds a vocabulary from the counts.</summary>
    /// <param name="tokens">The training tokens, in any order.</param>
    /// <param name="minFrequency">The fewest occurrences a token needs to be included (at least 1).</param>
    /// <param name="maxSize">The largest vocabulary size, reserved tokens included (at least 4); null for no limit.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> or one of its tokens is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minFrequency"/> or <paramref name="maxSize"/> is too small.</exception>
    public static Vocabulary Build(IEnumerable<string> tokens, int minFrequency = 1, int? maxSize = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string token in tokens)
        {
            ArgumentNullException.ThrowIfNull(token, nameof(tokens));
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        return FromCounts(counts, minFrequency, maxSize);
    }

    /// <summary>Builds a vocabulary from token counts.</summary>
    /// <param name="counts">How often each token occurs.</param>
    /// <param name="minFrequency">The fewest occurrences a token needs to be included (at least 1).</param>
    /// <param name="maxSize">The largest vocabulary size, reserved tokens included (at least 4); null for no limit.</param>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit is too small, or a count is negative.</exception>
    public static Vocabulary FromCounts(IReadOnlyDictionary<string, long> counts, int minFrequency = 1, int? maxSize = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfLessThan(minFrequency, 1);
        if (maxSize is int size)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, ReservedTokens.Count, nameof(maxSize));
        }

        foreach ((string token, long count) in counts)
        {
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(counts), count, $"The count of '{token}' is negative.");
            }
        }

        IEnumerable<string> kept = counts
            .Where(pair => pair.Value >= minFrequency && !ReservedTokens.Contains(pair.Key))
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Key);
        if (maxSize is int limit)
        {
            kept = kept.Take(limit - ReservedTokens.Count);
        }

        return new Vocabulary(kept);
    }

    /// <summary>Creates a vocabulary whose ordinary tokens get ids 4, 5, ... in the given order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> or one of its tokens is null.</exception>
    /// <exception cref="ArgumentException">A token appears twice or is a reserved token.</exception>
    public static Vocabulary FromTokens(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        string[] list = tokens.ToArray();
        foreach (string token in list)
        {
            ArgumentNullException.ThrowIfNull(token, nameof(tokens));
        }

        return new Vocabulary(list);
    }

    /// <summary>True when <paramref name="token"/> has its own id.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    public bool Contains(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return _ids.ContainsKey(token);
    }

    /// <summary>The id of <paramref name="token"/>, or <see cref="UnknownId"/> when it is not in the table.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    public int IdOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return _ids.TryGetValue(token, out int id) ? id : UnknownId;
    }

    /// <summary>Maps tokens to ids, optionally wrapped in <c>&lt;bos&gt;</c> … <c>&lt;eos&gt;</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> or one of its tokens is null.</exception>
    public int[] Encode(IEnumerable<string> tokens, bool addBeginAndEnd = false)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var ids = new List<int>();
        if (addBeginAndEnd)
        {
            ids.Add(BeginId);
        }

        foreach (string token in tokens)
        {
            ids.Add(IdOf(token));
        }

        if (addBeginAndEnd)
        {
            ids.Add(EndId);
        }

        return [.. ids];
    }

    /// <summary>Maps ids back to tokens; reserved tokens are dropped when <paramref name="skipReserved"/> is true.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not an id of this vocabulary.</exception>
    public string[] Decode(IEnumerable<int> ids, bool skipReserved = false)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var tokens = new List<string>();
        foreach (int id in ids)
        {
            if (!skipReserved || id >= ReservedTokens.Count)
            {
                tokens.Add(this[id]);
            }
        }

        return [.. tokens];
    }

    /// <summary>
    /// The share of <paramref name="tokens"/> (held-out text, say) that would encode as <c>&lt;unk&gt;</c>,
    /// between 0 and 1; 0 for an empty sequence. A literal "&lt;unk&gt;" in the text counts as unknown.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> or one of its tokens is null.</exception>
    public double OutOfVocabularyRate(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        long total = 0;
        long unknown = 0;
        foreach (string token in tokens)
        {
            total++;
            if (IdOf(token) == UnknownId)
            {
                unknown++;
            }
        }

        return total == 0 ? 0 : (double)unknown / total;
    }

    /// <summary>Saves the tokens in id order as JSON (<c>{"tokens": [...]}</c>), through a temporary file.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names a folder.</exception>
    public void Save(string path)
    {
        AtomicFile.Write(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            writer.WriteStartObject();
            writer.WriteStartArray("tokens");
            foreach (string token in _tokens)
            {
                writer.WriteStringValue(token);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>Loads a vocabulary saved by <see cref="Save"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a saved vocabulary.</exception>
    public static Vocabulary Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using FileStream stream = File.OpenRead(path);
        try
        {
            using JsonDocument document = JsonDocument.Parse(stream);
            string[] tokens = document.RootElement.GetProperty("tokens").EnumerateArray()
                .Select(element => element.GetString() ?? throw new InvalidDataException("A token is null."))
                .ToArray();
            if (tokens.Length < ReservedTokens.Count || !tokens.Take(ReservedTokens.Count).SequenceEqual(ReservedTokens))
            {
                throw new InvalidDataException($"'{path}' does not start with the reserved tokens {string.Join(", ", ReservedTokens)}.");
            }

            return new Vocabulary(tokens.Skip(ReservedTokens.Count));
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException($"'{path}' is not a saved vocabulary: {error.Message}", error);
        }
    }
}
