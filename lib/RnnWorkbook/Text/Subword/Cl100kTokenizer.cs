using System.Buffers;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace RnnWorkbook.Text.Subword;

/// <summary>
/// The cl100k_base tokenizer of GPT-4 and GPT-3.5: byte-level BPE over 100,256 ranked tokens, with
/// cl100k's pre-tokenization and five special tokens. Gives the same ids as Microsoft.ML.Tokenizers'
/// <c>TiktokenTokenizer.CreateForModel("gpt-4")</c>; the encoder here is the course's own code, and the
/// ranks are read back through that tokenizer's public API (<see cref="RecoveredRanks"/>).
/// </summary>
/// <remarks>
/// <para>How it encodes: special tokens ("&lt;|endoftext|&gt;", ...) are matched first and become single
/// ids. The text between them is cut into pieces by cl100k's pattern (<see cref="Cl100kPreTokenizer"/>);
/// each piece is converted to UTF-8; a piece that is itself a token (most words are) becomes its id
/// at once, and any other is merged pair by pair, lowest rank first, by the merge loop <see cref="BpeModel"/>
/// uses (<see cref="BpeSymbolMerger"/>): a pair of tokens merges when their bytes together are a token, and
/// that token's rank is the merge's rank.</para>
/// <para>Where speed comes from: the pre-tokenizer reads each character once through a class table; piece
/// bytes live in a stack buffer; rank lookups hash the byte span itself, with one- and two-byte keys
/// answered from direct tables (<see cref="ByteSequenceTable"/>), so the loop allocates nothing but
/// the output list.</para>
/// <para>Unpaired surrogates: like Microsoft.ML.Tokenizers, pieces are converted with WTF-8, which
/// writes an unpaired surrogate as the three bytes of its code point (U+D800 → ED A0 80) rather than
/// replacing it, and <see cref="Decode"/> reads WTF-8 back. So <c>Decode(Encode(s)) == s</c> for every
/// .NET string, valid UTF-16 or not. (<see cref="BpeModel"/>, which defines its own byte-level
/// encoding, rejects such strings instead.)</para>
/// </remarks>
public sealed class Cl100kTokenizer : ITokenizer
{
    private const int StackPieceChars = 256;

    /// <summary>cl100k_base ranks the ids 0 … 100,255; the special tokens come after.</summary>
    private const int Cl100kRankCount = 100_256;

    private static readonly Lazy<RecoveredRanks> _cl100k = new(() =>
        RecoveredRanks.From(TiktokenTokenizer.CreateForEncoding("cl100k_base"), Cl100kRankCount));

    private static readonly Dictionary<string, int> _specialTokens = new(StringComparer.Ordinal)
    {
        ["<|endoftext|>"] = 100257,
        ["<|fim_prefix|>"] = 100258,
        ["<|fim_middle|>"] = 100259,
        ["<|fim_suffix|>"] = 100260,
        ["<|endofprompt|>"] = 100276,
    };

    private readonly ByteSequenceTable _ranks;
    private readonly ReadOnlyMemory<byte>[] _tokenBytes;
    private readonly Dictionary<long, (int Rank, int Merged)> _merges;
    private readonly SpecialTokenMatcher _specials = new(_specialTokens);
    private readonly PieceCache<int[]> _pieceCache = new();

    /// <summary>
    /// Creates the tokenizer with the cl100k_base ranks of Microsoft.ML.Tokenizers, read back through its public
    /// API once per process (a few seconds). Needs the package Microsoft.ML.Tokenizers.Data.Cl100kBase.
    /// </summary>
    public Cl100kTokenizer()
        : this(_cl100k.Value.Table)
    {
        UnreachableIds = _cl100k.Value.Unreachable;
    }

    /// <summary>Creates the tokenizer from a cl100k_base.tiktoken rank file ("base64 rank" lines).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="ranks"/> is null.</exception>
    /// <exception cref="InvalidDataException">The stream is not a tiktoken rank file.</exception>
    public Cl100kTokenizer(Stream ranks)
        : this(TiktokenRanks.Read(ranks ?? throw new ArgumentNullException(nameof(ranks))))
    {
    }

    private Cl100kTokenizer(ByteSequenceTable ranks)
    {
        _ranks = ranks;
        _tokenBytes = ranks.KeysByValue();
        _merges = MergesOf(ranks, _tokenBytes);
    }

    /// <summary>
    /// Every merge the ranks allow: tokens a and b merge into t when bytes(a) + bytes(b) = bytes(t), at t's rank.
    /// A token splits into two tokens in several ways, and each split is a merge.
    /// </summary>
    private static Dictionary<long, (int Rank, int Merged)> MergesOf(ByteSequenceTable ranks, ReadOnlyMemory<byte>[] tokenBytes)
    {
        var merges = new Dictionary<long, (int Rank, int Merged)>(tokenBytes.Length * 4);
        for (int token = 0; token < tokenBytes.Length; token++)
        {
            ReadOnlySpan<byte> bytes = tokenBytes[token].Span;
            for (int split = 1; split < bytes.Length; split++)
            {
                int left = ranks.Find(bytes[..split]), right = ranks.Find(bytes[split..]);
                if (left >= 0 && right >= 0)
                {
                    merges.TryAdd(BpeSymbolMerger.PairKey(left, right), (token, token));
                }
            }
        }

        return merges;
    }

    /// <summary>
    /// Ranked ids left out because their bytes occur in no UTF-8 text (such as a lone C0 byte), so no encoding
    /// contains them; empty for a tokenizer read from a rank file.
    /// </summary>
    public IReadOnlyList<int> UnreachableIds { get; } = [];

    /// <summary>The special tokens and their ids.</summary>
    public static IReadOnlyDictionary<string, int> SpecialTokens { get; } = _specialTokens.AsReadOnly();

    /// <summary>Number of ordinary (ranked) tokens: 100,256 for cl100k_base, less <see cref="UnreachableIds"/>.</summary>
    public int RankCount => _ranks.Count;

    /// <summary>Encodes <paramref name="text"/> to token ids.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length / 3 + 1);
        Encode(text, ids);
        return [.. ids];
    }

    /// <summary>Appends the ids of <paramref name="text"/> to <paramref name="ids"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void Encode(string text, List<int> ids)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(ids);
        var segments = new List<(int Start, int Length, int SpecialId)>();
        _specials.Split(text, segments);
        foreach ((int start, int length, int specialId) in segments)
        {
            if (specialId >= 0)
            {
                ids.Add(specialId);
            }
            else
            {
                EncodeOrdinary(text.AsSpan(start, length), ids, starts: null, offsets: null, baseOffset: 0);
            }
        }
    }

    /// <summary>Number of tokens <paramref name="text"/> encodes to.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public int CountTokens(string text) => Encode(text).Length;

    /// <inheritdoc/>
    /// <remarks>
    /// A token that starts or ends inside a multi-byte character (a Korean syllable is three UTF-8
    /// bytes, and cl100k often splits them) is widened to the whole character, so neighbouring tokens
    /// can share it; the text of every token is the slice of the input at its offsets.
    /// </remarks>
    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        var segments = new List<(int Start, int Length, int SpecialId)>();
        var ids = new List<int>();
        var offsets = new List<(int Start, int Length)>();
        _specials.Split(text, segments);
        foreach ((int start, int length, int specialId) in segments)
        {
            if (specialId >= 0)
            {
                offsets.Add((start, length));
            }
            else
            {
                EncodeOrdinary(text.AsSpan(start, length), ids, starts: [], offsets, start);
            }
        }

        foreach ((int start, int length) in offsets)
        {
            tokens.Add(Token.Slice(text, start, length));
        }

        return tokens;
    }

    /// <summary>The bytes of the given tokens, concatenated (special tokens as their UTF-8 text).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not a cl100k_base token.</exception>
    public byte[] DecodeToBytes(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var bytes = new ArrayBufferWriter<byte>();
        foreach (int id in ids)
        {
            bytes.Write(TokenBytes(id).Span);
        }

        return bytes.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Turns ids back into text, reading the bytes as WTF-8 (so unpaired surrogates come back);
    /// byte sequences that are not valid become U+FFFD.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not a cl100k_base token.</exception>
    public string Decode(IEnumerable<int> ids) => Wtf8.GetString(DecodeToBytes(ids));

    /// <summary>The bytes of one token.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not a cl100k_base token.</exception>
    public ReadOnlyMemory<byte> TokenBytes(int id)
    {
        if (id >= 0 && id < _tokenBytes.Length && !_tokenBytes[id].IsEmpty)
        {
            return _tokenBytes[id];
        }

        foreach ((string text, int specialId) in _specialTokens)
        {
            if (specialId == id)
            {
                return Encoding.UTF8.GetBytes(text);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(id), id, "Not a cl100k_base token id.");
    }

    /// <summary>Encodes text without special tokens; with <paramref name="offsets"/>, also records each token's character span.</summary>
    private void EncodeOrdinary(ReadOnlySpan<char> text, List<int> ids, List<int>? starts, List<(int, int)>? offsets, int baseOffset)
    {
        byte[]? rented = null;
        Span<byte> buffer = stackalloc byte[StackPieceChars * 3];
        int i = 0;
        while (i < text.Length)
        {
            int end = Cl100kPreTokenizer.NextPieceEnd(text, i);
            ReadOnlySpan<char> piece = text[i..end];
            if (piece.Length > StackPieceChars && (rented is null || rented.Length < piece.Length * 3))
            {
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }

                rented = ArrayPool<byte>.Shared.Rent(piece.Length * 3);
            }

            Span<byte> target = piece.Length > StackPieceChars ? rented : buffer;
            int byteCount = Wtf8.GetBytes(piece, target);
            ReadOnlySpan<byte> bytes = target[..byteCount];
            int firstToken = ids.Count;
            int whole = _ranks.Find(bytes);
            if (whole >= 0)
            {
                ids.Add(whole);
                starts?.Add(0);
            }
            else if (starts is null && _pieceCache.Accepts(piece))
            {
                EncodeCached(piece, bytes, ids);
            }
            else
            {
                Merge(bytes, ids, starts);
            }

            if (offsets is not null && starts is not null)
            {
                AddOffsets(piece, byteCount, starts, firstToken, ids.Count, baseOffset + i, offsets);
                starts.Clear();
            }

            i = end;
        }

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Merges a short piece through a cache of earlier results: running text repeats its words, and a
    /// cache hit skips the merge loop. The cache is cleared when it fills up.
    /// </summary>
    private void EncodeCached(ReadOnlySpan<char> piece, ReadOnlySpan<byte> bytes, List<int> ids)
    {
        if (_pieceCache.TryGet(piece, out int[]? cached))
        {
            ids.AddRange(cached);
            return;
        }

        int first = ids.Count;
        Merge(bytes, ids, starts: null);
        _pieceCache.Add(piece, ids[first..].ToArray());
    }

    /// <summary>Appends the ids of a piece that is not one token: its single bytes, merged; with <paramref name="starts"/>, each token's first byte.</summary>
    private void Merge(ReadOnlySpan<byte> bytes, List<int> ids, List<int>? starts)
    {
        int n = bytes.Length;
        int[] symbols = ArrayPool<int>.Shared.Rent(n), byteStarts = ArrayPool<int>.Shared.Rent(n);
        try
        {
            for (int i = 0; i < n; i++)
            {
                (symbols[i], byteStarts[i]) = (_ranks.OneByte(bytes[i]), i);
            }

            int count = BpeSymbolMerger.Merge(symbols.AsSpan(0, n), byteStarts.AsSpan(0, n), _merges, int.MaxValue);
            ids.AddRange(symbols.AsSpan(0, count));
            starts?.AddRange(byteStarts.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(symbols);
            ArrayPool<int>.Shared.Return(byteStarts);
        }
    }

    /// <summary>Maps the byte start of each token of one piece to a character span, widening split characters.</summary>
    private static void AddOffsets(ReadOnlySpan<char> piece, int byteCount, List<int> byteStarts, int firstToken, int endToken, int pieceOffset, List<(int, int)> offsets)
    {
        var charOfByte = new int[byteCount];
        int b = 0;
        for (int c = 0; c < piece.Length;)
        {
            int chars = Rune.DecodeFromUtf16(piece[c..], out Rune rune, out int consumed) == OperationStatus.Done ? consumed : 1;
            int length = rune.Utf8SequenceLength;
            for (int k = 0; k < length; k++)
            {
                charOfByte[b++] = c;
            }

            c += chars;
        }

        int count = endToken - firstToken;
        for (int t = 0; t < count; t++)
        {
            int firstByte = byteStarts[t];
            int lastByte = (t + 1 < count ? byteStarts[t + 1] : byteCount) - 1;
            int charStart = charOfByte[firstByte];
            int lastChar = charOfByte[lastByte];
            int charEnd = lastChar + (char.IsHighSurrogate(piece[lastChar]) && lastChar + 1 < piece.Length && char.IsLowSurrogate(piece[lastChar + 1]) ? 2 : 1);
            offsets.Add((pieceOffset + charStart, charEnd - charStart));
        }
    }
}
