using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace RnnWorkbook.Text.Subword;

/// <summary>
/// Encoded short pieces by their text, shared by the BPE encoders: running text repeats its words, so a hit
/// skips the merge loop. Only pieces up to <see cref="MaxPieceLength"/> characters are kept, and the cache is
/// cleared when it holds <see cref="Capacity"/> of them. Safe for concurrent readers and writers.
/// </summary>
internal sealed class PieceCache<T>
    where T : class
{
    public const int MaxPieceLength = 32;
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, T> _entries = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="piece"/> is short enough to be cached.</summary>
    public bool Accepts(ReadOnlySpan<char> piece) => piece.Length <= MaxPieceLength;

    public bool TryGet(ReadOnlySpan<char> piece, [MaybeNullWhen(false)] out T value) =>
        _entries.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(piece, out value);

    public void Add(ReadOnlySpan<char> piece, T value)
    {
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        _entries.TryAdd(piece.ToString(), value);
    }
}
