using System.Text;
using Microsoft.ML.Tokenizers;

namespace RnnWorkbook.Text.Subword;

/// <summary>
/// The rank table of a tiktoken vocabulary read back through a tokenizer's public API (<c>Decode</c> and
/// <c>EncodeToIds</c>), so that our own encoder can run on the same ranks without reading the data package's
/// embedded file.
/// </summary>
/// <remarks>
/// <para>A token's rank is its id. Most tokens are whole UTF-8 text, and decoding the id alone gives their
/// bytes, and encoding that text gives the id back. The others hold part of a character (a Hangul syllable is
/// three bytes, and a token may end after the first two) and decode to U+FFFD. Their bytes are found in three
/// steps:</para>
/// <list type="number">
/// <item>Single bytes: a character that no merge covers encodes as one id per UTF-8 byte, so encoding every
/// character and keeping the answers with as many ids as bytes names the id of each byte that occurs in UTF-8.</item>
/// <item>Pieces of characters: a piece is completed into valid text with single bytes, a lead byte (C2, E1 or F1)
/// with continuation bytes before it and continuation bytes (80, 90 or A0, then 80) after it. Decoding the
/// completed ids gives a string whose UTF-8, less the bytes added, is the piece.</item>
/// <item>What is left holds bytes that no UTF-8 text contains: for cl100k_base, the 13 single bytes C0, C1 and
/// F5–FF. Encoding text never produces such a token, not even as a step of merging (merges only build
/// substrings of the text's bytes), so leaving them out changes no encoding. They are listed in
/// <see cref="Unreachable"/>.</item>
/// </list>
/// </remarks>
internal sealed class RecoveredRanks
{
    private static readonly byte[][] _before = [[0xC2], [0xE1], [0xE1, 0x80], [0xF1], [0xF1, 0x80], [0xF1, 0x80, 0x80]];
    private static readonly byte[][] _after = [[0x80], [0x80, 0x80], [0x80, 0x80, 0x80], [0x90], [0x90, 0x80], [0x90, 0x80, 0x80], [0xA0], [0xA0, 0x80]];

    private RecoveredRanks(ByteSequenceTable table, IReadOnlyList<int> unreachable) => (Table, Unreachable) = (table, unreachable);

    /// <summary>Token bytes → rank, for every token that text can produce.</summary>
    public ByteSequenceTable Table { get; }

    /// <summary>The ids whose bytes cannot occur in UTF-8 text, left out of <see cref="Table"/>.</summary>
    public IReadOnlyList<int> Unreachable { get; }

    /// <summary>Reads the ranks 0 … <paramref name="rankCount"/> − 1 of <paramref name="reference"/> back.</summary>
    public static RecoveredRanks From(Tokenizer reference, int rankCount)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rankCount);
        var bytes = new byte[]?[rankCount];
        for (int id = 0; id < rankCount; id++)
        {
            // A piece of a character decodes to U+FFFD, which encodes to another id; a whole token comes back as itself.
            string text = reference.Decode([id]) ?? "";
            if (text.Length > 0 && reference.EncodeToIds(text) is [int same] && same == id)
            {
                bytes[id] = ToBytes(text);
            }
        }

        int[] singleByteIds = FindSingleBytes(reference, bytes);
        foreach (int id in Enumerable.Range(0, rankCount).Where(id => bytes[id] is null))
        {
            bytes[id] = Complete(reference, id, singleByteIds, bytes);
        }

        var items = new List<(byte[] Key, int Value)>(rankCount);
        var unreachable = new List<int>();
        for (int id = 0; id < rankCount; id++)
        {
            if (bytes[id] is { } key)
            {
                items.Add((key, id));
            }
            else
            {
                unreachable.Add(id);
            }
        }

        return new RecoveredRanks(new ByteSequenceTable(items), unreachable);
    }

    /// <summary>The id of each byte value that occurs in UTF-8 (−1 for the others), and fills their entries.</summary>
    private static int[] FindSingleBytes(Tokenizer reference, byte[]?[] bytes)
    {
        var ids = new int[256];
        Array.Fill(ids, -1);
        for (int b = 0; b < 0x80; b++)
        {
            ids[b] = reference.EncodeToIds(((char)b).ToString()) is [int id] ? id : -1;
        }

        Span<byte> utf8 = stackalloc byte[4];
        for (int codePoint = 0x80; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var character = new Rune(codePoint);
            int length = character.EncodeToUtf8(utf8);
            if (AllKnown(ids, utf8[..length]))
            {
                continue;
            }

            var encoded = reference.EncodeToIds(character.ToString());
            if (encoded.Count == length)
            {
                for (int k = 0; k < length; k++)
                {
                    ids[utf8[k]] = encoded[k];
                }
            }
        }

        for (int b = 0; b < 256; b++)
        {
            if (ids[b] >= 0 && ids[b] < bytes.Length)
            {
                bytes[ids[b]] = [(byte)b];
            }
        }

        return ids;
    }

    /// <summary>WTF-8, as the encoder reads text: UTF-8, and an unpaired surrogate as its code point's three bytes.</summary>
    private static byte[] ToBytes(string text)
    {
        var buffer = new byte[text.Length * 3];
        return buffer[..Wtf8.GetBytes(text, buffer)];
    }

    private static bool AllKnown(int[] ids, ReadOnlySpan<byte> utf8)
    {
        foreach (byte b in utf8)
        {
            if (ids[b] < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The bytes of a token that is part of a character, or null when no UTF-8 text contains them.</summary>
    private static byte[]? Complete(Tokenizer reference, int id, int[] singleByteIds, byte[]?[] bytes)
    {
        foreach (byte[] before in _before.Prepend([]))
        {
            foreach (byte[] after in _after.Prepend([]))
            {
                if (before.Concat(after).Any(b => singleByteIds[b] < 0))
                {
                    continue;
                }

                string text = reference.Decode([.. before.Select(b => singleByteIds[b]), id, .. after.Select(b => singleByteIds[b])]) ?? "";
                byte[] all = ToBytes(text);
                if (!text.Contains('\uFFFD') && all.Length > before.Length + after.Length
                    && all.AsSpan(0, before.Length).SequenceEqual(before) && all.AsSpan(all.Length - after.Length).SequenceEqual(after))
                {
                    return all[before.Length..^after.Length];
                }
            }
        }

        return null;
    }
}
