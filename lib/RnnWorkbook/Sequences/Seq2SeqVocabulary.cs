using RnnWorkbook.Scratch;

namespace RnnWorkbook.Sequences;

/// <summary>A fixed list of tokens (characters or phonemes) and their ids, in the given order.</summary>
public sealed class Seq2SeqVocabulary
{
    private readonly string[] _tokens;
    private readonly Dictionary<string, int> _ids;

    /// <summary>Ids 0 … n−1 for the given distinct tokens.</summary>
    /// <exception cref="ArgumentException">A token is repeated or empty.</exception>
    public Seq2SeqVocabulary(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = [.. tokens];
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _tokens.Length; i++)
        {
            if (string.IsNullOrEmpty(_tokens[i]) || !_ids.TryAdd(_tokens[i], i))
            {
                throw new ArgumentException($"tokens: token {i} \"{_tokens[i]}\" is empty or repeated.", nameof(tokens));
            }
        }
    }

    /// <summary>The number of tokens V.</summary>
    public int Count => _tokens.Length;

    /// <summary>The tokens in id order.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>True when <paramref name="token"/> has an id.</summary>
    public bool Contains(string token) => _ids.ContainsKey(token);

    /// <summary>The id of <paramref name="token"/>.</summary>
    /// <exception cref="ArgumentException">The token is not in the vocabulary.</exception>
    public int Id(string token) => _ids.TryGetValue(token, out int id)
        ? id
        : throw new ArgumentException($"token \"{token}\" is not in the vocabulary ({Count} tokens: {string.Join(' ', _tokens.Take(40))}{(Count > 40 ? " …" : "")}).", nameof(token));

    /// <summary>The token of <paramref name="id"/>.</summary>
    public string Token(int id) => (uint)id < (uint)_tokens.Length
        ? _tokens[id]
        : throw new ArgumentOutOfRangeException(nameof(id), $"id {id} is not below the vocabulary size {Count}.");

    /// <summary>An id matrix (N, width): row n holds sequence n's ids, then the id of <paramref name="pad"/>.</summary>
    /// <exception cref="ArgumentException">A sequence is longer than <paramref name="width"/> or holds an unknown token.</exception>
    public NdArray<int> Encode(IReadOnlyList<IReadOnlyList<string>> sequences, int width, string pad)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        int padId = Id(pad);
        var ids = new NdArray<int>(sequences.Count, width);
        ids.Fill(padId);
        for (int n = 0; n < sequences.Count; n++)
        {
            if (sequences[n].Count > width)
            {
                throw new ArgumentException($"sequences: sequence {n} has {sequences[n].Count} tokens, more than the width {width}.", nameof(sequences));
            }

            for (int t = 0; t < sequences[n].Count; t++)
            {
                ids[n, t] = Id(sequences[n][t]);
            }
        }

        return ids;
    }
}
