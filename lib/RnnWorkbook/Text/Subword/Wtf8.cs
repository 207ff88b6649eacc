using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace RnnWorkbook.Text.Subword;

/// <summary>
/// WTF-8 ("wobbly transformation format"): UTF-8 extended so that an unpaired surrogate is written as
/// the three bytes its code point would have (U+D800 → ED A0 80) instead of being replaced. It is what
/// Microsoft.ML.Tokenizers feeds its tiktoken encoder, and it makes decoding lossless for every .NET
/// string. For valid text it is byte for byte UTF-8.
/// </summary>
internal static class Wtf8
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="bytes"/> (at least 3 bytes per char) and returns the byte count.</summary>
    public static int GetBytes(ReadOnlySpan<char> text, Span<byte> bytes)
    {
        int written = 0;
        while (true)
        {
            OperationStatus status = Utf8.FromUtf16(text, bytes[written..], out int charsRead, out int bytesWritten, replaceInvalidSequences: false);
            written += bytesWritten;
            if (status != OperationStatus.InvalidData)
            {
                return written;
            }

            // An unpaired surrogate: 1110xxxx 10xxxxxx 10xxxxxx of its code point.
            int surrogate = text[charsRead];
            bytes[written++] = (byte)(0xE0 | (surrogate >> 12));
            bytes[written++] = (byte)(0x80 | ((surrogate >> 6) & 0x3F));
            bytes[written++] = (byte)(0x80 | (surrogate & 0x3F));
            text = text[(charsRead + 1)..];
        }
    }

    /// <summary>Reads WTF-8; other invalid bytes become U+FFFD as in <see cref="Encoding.UTF8"/>.</summary>
    public static string GetString(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            OperationStatus status = Rune.DecodeFromUtf8(bytes, out Rune rune, out int consumed);
            if (status == OperationStatus.Done)
            {
                builder.Append(rune.IsBmp ? (char)rune.Value : rune.ToString());
            }
            else if (bytes.Length >= 3 && bytes[0] == 0xED && bytes[1] is >= 0xA0 and <= 0xBF && bytes[2] is >= 0x80 and <= 0xBF)
            {
                builder.Append((char)(0xD000 | ((bytes[1] & 0x3F) << 6) | (bytes[2] & 0x3F)));
                consumed = 3;
            }
            else
            {
                builder.Append('\uFFFD');
            }

            bytes = bytes[consumed..];
        }

        return builder.ToString();
    }
}
