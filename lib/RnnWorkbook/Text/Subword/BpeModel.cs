using System.Text;

namespace RnnWorkbook.Text.Subword;

/// <summary>
/// A trained byte-pair-encoding tokenizer: a vocabulary (special tokens, base alphabet, merged tokens)
/// and the ranked merges that build tokens from the alphabet. Made by <see cref="BpeTrainer"/> or
/// loaded from a file written by <see cref="Save"/>.
/// </summary>
/// <remarks>
/// <para>Encoding cuts the text as in training (special tokens first, then GPT-2 pre-tokenization or
/// sentence-piece words) and applies merges to each piece, lowest rank first.</para>
/// <para><b>Round trip.</b> Byte-level: <c>Decode(Encode(s)) == s</c> for every string that is valid
/// UTF-16; a string with an unpaired surrogate has no UTF-8 form and <see cref="Encode"/> rejects it
/// with an <see cref="ArgumentException"/> rather than replacing it silently. Sentence-piece:
/// the same holds when every character of <c>s</c> is in the alphabet; a character outside it encodes
/// as &lt;unk&gt; and decodes as the text "&lt;unk&gt;".</para>
/// <para><b>Offsets.</b> <see cref="Tokenize"/> gives each token the span of the original text it
/// came from, so <c>text.Substring(t.Start, t.Length) == t.Text</c>. A byte-level token that ends or
/// starts inside a multi-byte character (a Korean syllable is three UTF-8 bytes) is widened to the
/// whole character, so neighbouring tokens may share that character; a sentence-piece token that is
/// only the dummy prefix '▁' has length 0. The token strings themselves ("Ġthe", "▁the") come from
/// <see cref="EncodeToPieces"/>.</para>
/// </remarks>
public sealed class BpeModel : ITokenizer
{
    private readonly string[] _tokens;
    private readonly Dictionary<string, int> _ids;
    private readonly int _specialCount;
    private readonly BpeMerge[] _merges;
    private readonly Dictionary<long, (int Rank, int Merged)> _mergeRanks;
    private readonly SpecialTokenMatcher _specials;
    private readonly int[] _byteIds = new int[256];
    private readonly Dictionary<int, int> _runeIds = [];
    private readonly int _unknownId = -1;
    private readonly PieceCache<EncodedPiece[]> _pieceCache = new();

    /// <summary>Builds a model from its parts, checking that they fit together.</summary>
    /// <exception cref="ArgumentException">The parts are inconsistent (a missing base token, a merge whose result is not in the vocabulary, ...).</exception>
    internal BpeModel(BpeMode mode, IReadOnlyList<string> tokens, int specialCount, IReadOnlyList<(string Left, string Right, long Count)> merges)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown BPE mode.");
        }

        if (specialCount < 0 || specialCount > tokens.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(specialCount), specialCount, "The special-token count does not fit the vocabulary.");
        }

        Mode = mode;
        _tokens = [.. tokens];
        _specialCount = specialCount;
        _ids = new Dictionary<string, int>(_tokens.Length, StringComparer.Ordinal);
        for (int id = 0; id < _tokens.Length; id++)
        {
            if (string.IsNullOrEmpty(_tokens[id]) || !_ids.TryAdd(_tokens[id], id))
            {
                throw new ArgumentException($"Token {id} ('{_tokens[id]}') is empty or appears twice.", nameof(tokens));
            }
        }

        _specials = new SpecialTokenMatcher(_tokens.Take(specialCount).Select((text, id) => KeyValuePair.Create(text, id)));
        if (mode == BpeMode.ByteLevel)
        {
            for (int id = specialCount; id < _tokens.Length; id++)
            {
                if (_tokens[id].Any(c => !ByteLevelAlphabet.TryToByte(c, out _)))
                {
                    throw new ArgumentException($"Token {id} ('{_tokens[id]}') has a character outside the byte-level alphabet.", nameof(tokens));
                }
            }

            for (int b = 0; b < 256; b++)
            {
                _byteIds[b] = _ids.TryGetValue(ByteLevelAlphabet.ToChar((byte)b).ToString(), out int id) && id >= specialCount
                    ? id
                    : throw new ArgumentException($"The byte-level vocabulary has no token for byte {b}.", nameof(tokens));
            }
        }
        else
        {
            _unknownId = Array.IndexOf(_tokens, Vocabulary.UnknownToken, 0, specialCount);
            if (_unknownId < 0)
            {
                throw new ArgumentException("A sentence-piece vocabulary needs \"<unk>\" among its special tokens.", nameof(tokens));
            }

            for (int id = specialCount; id < _tokens.Length; id++)
            {
                if (Rune.TryGetRuneAt(_tokens[id], 0, out Rune rune) && rune.Utf16SequenceLength == _tokens[id].Length)
                {
                    _runeIds.TryAdd(rune.Value, id);
                }
            }
        }

        _merges = new BpeMerge[merges.Count];
        _mergeRanks = new Dictionary<long, (int, int)>(merges.Count);
        for (int rank = 0; rank < merges.Count; rank++)
        {
            (string left, string right, long count) = merges[rank];
            string merged = left + right;
            if (!_ids.TryGetValue(left, out int leftId) || !_ids.TryGetValue(right, out int rightId) || !_ids.TryGetValue(merged, out int mergedId)
                || leftId < specialCount || rightId < specialCount)
            {
                throw new ArgumentException($"Merge {rank} ('{left}' + '{right}') uses or makes a token that is not in the vocabulary.", nameof(merges));
            }

            _merges[rank] = new BpeMerge(rank, left, right, merged, count);
            _mergeRanks.TryAdd(BpeSymbolMerger.PairKey(leftId, rightId), (rank, mergedId));
        }
    }

    /// <summary>Byte-level or sentence-piece.</summary>
    public BpeMode Mode { get; }

    /// <summary>Number of tokens: special tokens, base alphabet and merged tokens.</summary>
    public int VocabularySize => _tokens.Length;

    /// <summary>All tokens in id order, as the model writes them ("Ġthe", "▁the").</summary>
    public IReadOnlyList<string> Tokens => _tokens.AsReadOnly();

    /// <summary>The special tokens; their ids are 0, 1, 2, ... in this order.</summary>
    public IReadOnlyList<string> SpecialTokens => _tokens[.._specialCount];

    /// <summary>The merges in the order they were learned (rank 0 first), with the pair counts seen in training.</summary>
    public IReadOnlyList<BpeMerge> Merges => _merges.AsReadOnly();

    /// <summary>The token string of <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not in the vocabulary.</exception>
    public string this[int id]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(id);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, _tokens.Length);
            return _tokens[id];
        }
    }

    /// <summary>The id of a token string; false when it is not in the vocabulary.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    public bool TryGetId(string token, out int id)
    {
        ArgumentNullException.ThrowIfNull(token);
        return _ids.TryGetValue(token, out id);
    }

    /// <summary>The first <paramref name="count"/> merges, for showing training step by step.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<BpeMerge> MergeTrace(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return _merges[..Math.Min(count, _merges.Length)];
    }

    /// <summary>Encodes <paramref name="text"/> to token ids.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> has an unpaired surrogate.</exception>
    public int[] Encode(string text) => EncodePieces(text, int.MaxValue).Select(piece => piece.Id).ToArray();

    /// <summary>
    /// Encodes <paramref name="text"/> and returns the token strings ("Ġlow", "er"). With
    /// <paramref name="mergeLimit"/>, only the first that many merges are used, which shows how the
    /// segmentation of a word grows during training.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mergeLimit"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> has an unpaired surrogate.</exception>
    public IReadOnlyList<string> EncodeToPieces(string text, int? mergeLimit = null)
    {
        if (mergeLimit is int limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit, nameof(mergeLimit));
        }

        return EncodePieces(text, mergeLimit ?? int.MaxValue).Select(piece => _tokens[piece.Id]).ToList();
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="text"/> has an unpaired surrogate.</exception>
    public IReadOnlyList<Token> Tokenize(string text) =>
        EncodePieces(text, int.MaxValue).Select(piece => Token.Slice(text, piece.Start, piece.Length)).ToList();

    /// <summary>Turns token ids back into text (see the class remarks for when this is lossless).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not in the vocabulary.</exception>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return Mode == BpeMode.ByteLevel ? DecodeByteLevel(ids) : DecodeSentencePiece(ids);
    }

    /// <summary>Writes the model as JSON (mode, special-token count, tokens, merges with counts) through a temporary file.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names a folder.</exception>
    public void Save(string path) => BpeModelFile.Save(this, path);

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a saved model or its parts do not fit together.</exception>
    public static BpeModel Load(string path) => BpeModelFile.Load(path);

    internal List<EncodedPiece> EncodePieces(string text, int rankLimit)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<EncodedPiece>(text.Length / 3);
        var segments = new List<(int Start, int Length, int SpecialId)>();
        _specials.Split(text, segments);
        foreach ((int start, int length, int specialId) in segments)
        {
            if (specialId >= 0)
            {
                pieces.Add(new EncodedPiece(specialId, start, length));
            }
            else if (Mode == BpeMode.ByteLevel)
            {
                EncodeByteLevelSegment(text, start, length, rankLimit, pieces);
            }
            else
            {
                EncodeSentencePieceSegment(text, start, length, rankLimit, pieces);
            }
        }

        return pieces;
    }

    private void EncodeByteLevelSegment(string text, int start, int length, int rankLimit, List<EncodedPiece> pieces)
    {
        int invalid = Normalization.UnicodeInspector.IndexOfUnpairedSurrogate(text.AsSpan(start, length));
        if (invalid >= 0)
        {
            throw new ArgumentException(
                $"The text has an unpaired surrogate at index {start + invalid}; byte-level BPE encodes UTF-8, which cannot represent it.",
                nameof(text));
        }

        int[] symbols = [];
        int[] byteStarts = [];
        byte[] bytes = [];
        foreach (System.Text.RegularExpressions.ValueMatch match in Gpt2PreTokenizer.Regex().EnumerateMatches(text.AsSpan(start, length)))
        {
            ReadOnlySpan<char> piece = text.AsSpan(start + match.Index, match.Length);
            int pieceStart = start + match.Index;
            bool cacheable = rankLimit == int.MaxValue && _pieceCache.Accepts(piece);
            if (cacheable && _pieceCache.TryGet(piece, out EncodedPiece[]? cached))
            {
                foreach (EncodedPiece hit in cached)
                {
                    pieces.Add(hit with { Start = hit.Start + pieceStart });
                }

                continue;
            }

            int byteCount = Encoding.UTF8.GetByteCount(piece);
            if (symbols.Length < byteCount)
            {
                symbols = new int[Math.Max(byteCount, 64)];
                byteStarts = new int[symbols.Length];
                bytes = new byte[symbols.Length];
            }

            Encoding.UTF8.GetBytes(piece, bytes);
            for (int i = 0; i < byteCount; i++)
            {
                symbols[i] = _byteIds[bytes[i]];
                byteStarts[i] = i;
            }

            int count = BpeSymbolMerger.Merge(symbols.AsSpan(0, byteCount), byteStarts.AsSpan(0, byteCount), _mergeRanks, rankLimit);
            int[] charOfByte = CharIndexOfEachByte(piece, byteCount);
            int first = pieces.Count;
            for (int k = 0; k < count; k++)
            {
                int firstByte = byteStarts[k];
                int lastByte = (k + 1 < count ? byteStarts[k + 1] : byteCount) - 1;
                int charStart = charOfByte[firstByte];
                int charEnd = charOfByte[lastByte] + (char.IsHighSurrogate(piece[charOfByte[lastByte]]) ? 2 : 1);
                pieces.Add(new EncodedPiece(symbols[k], pieceStart + charStart, charEnd - charStart));
            }

            if (cacheable)
            {
                _pieceCache.Add(piece, pieces[first..].Select(p => p with { Start = p.Start - pieceStart }).ToArray());
            }
        }
    }

    /// <summary>For each UTF-8 byte of <paramref name="piece"/>, the index of the UTF-16 unit its character starts at.</summary>
    private static int[] CharIndexOfEachByte(ReadOnlySpan<char> piece, int byteCount)
    {
        var map = new int[byteCount];
        int b = 0;
        for (int c = 0; c < piece.Length;)
        {
            Rune.DecodeFromUtf16(piece[c..], out Rune rune, out int chars);
            for (int k = 0; k < rune.Utf8SequenceLength; k++)
            {
                map[b++] = c;
            }

            c += chars;
        }

        return map;
    }

    private void EncodeSentencePieceSegment(string text, int start, int length, int rankLimit, List<EncodedPiece> pieces)
    {
        var units = new List<(int Rune, int Start, int Length)>(length + 1);
        var words = new List<(int First, int Count)>();
        SentencePieceUnits.Build(text, start, length, units);
        SentencePieceUnits.SplitWords(units, words);
        foreach ((int first, int count) in words)
        {
            int[] symbols = new int[count];
            int[] unitStarts = new int[count];
            for (int i = 0; i < count; i++)
            {
                symbols[i] = _runeIds.TryGetValue(units[first + i].Rune, out int id) ? id : _unknownId;
                unitStarts[i] = first + i;
            }

            int merged = BpeSymbolMerger.Merge(symbols, unitStarts, _mergeRanks, rankLimit);
            for (int k = 0; k < merged; k++)
            {
                var firstUnit = units[unitStarts[k]];
                var lastUnit = units[(k + 1 < merged ? unitStarts[k + 1] : first + count) - 1];
                pieces.Add(new EncodedPiece(symbols[k], firstUnit.Start, lastUnit.Start + lastUnit.Length - firstUnit.Start));
            }
        }
    }

    private string DecodeByteLevel(IEnumerable<int> ids)
    {
        var bytes = new List<byte>();
        foreach (int id in ids)
        {
            string token = this[id];
            if (id < _specialCount)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(token));
                continue;
            }

            bytes.AddRange(ByteLevelAlphabet.Decode(token));
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private string DecodeSentencePiece(IEnumerable<int> ids)
    {
        var builder = new StringBuilder();
        bool segmentStart = true;
        foreach (int id in ids)
        {
            string token = this[id];
            if (id < _specialCount && id != _unknownId)
            {
                builder.Append(token);
                segmentStart = true;
                continue;
            }

            // The first piece of each segment starts with the dummy prefix, which stands for no character.
            int skip = segmentStart && token[0] == SentencePieceUnits.SpaceMark ? 1 : 0;
            int from = builder.Length;
            builder.Append(token.AsSpan(skip));
            builder.Replace(SentencePieceUnits.SpaceMark, ' ', from, builder.Length - from);
            segmentStart = false;
        }

        return builder.ToString();
    }
}
