namespace RnnWorkbook.Text.Subword;

/// <summary>
/// GPT-2's byte-to-character table: every byte 0–255 gets a printable character, so byte-level tokens
/// can be stored and shown as ordinary strings. Printable Latin-1 bytes ('!'–'~', '¡'–'¬', '®'–'ÿ')
/// stand for themselves; the other 68 (control characters, space, DEL, NBSP, soft hyphen) are moved
/// to U+0100 and up in byte order, which is why a space shows as 'Ġ' (U+0120) and a newline as 'Ċ' (U+010A).
/// </summary>
public static class ByteLevelAlphabet
{
    private static readonly char[] _byteToChar = BuildTable();
    private static readonly Dictionary<char, byte> _charToByte =
        Enumerable.Range(0, 256).ToDictionary(b => _byteToChar[b], b => (byte)b);

    /// <summary>The character that stands for <paramref name="value"/>.</summary>
    public static char ToChar(byte value) => _byteToChar[value];

    /// <summary>The byte a table character stands for; false for any other character.</summary>
    public static bool TryToByte(char c, out byte value) => _charToByte.TryGetValue(c, out value);

    /// <summary>Writes bytes as table characters: the UTF-8 of " 한" becomes "Ġíķľ".</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = bytes.Length <= 256 ? stackalloc char[bytes.Length] : new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[i] = _byteToChar[bytes[i]];
        }

        return new string(chars);
    }

    /// <summary>Reads table characters back to bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> has a character outside the table.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text)
    {
        var bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            if (!_charToByte.TryGetValue(text[i], out bytes[i]))
            {
                throw new ArgumentException($"U+{(int)text[i]:X4} at index {i} is not a byte-level character.", nameof(text));
            }
        }

        return bytes;
    }

    private static char[] BuildTable()
    {
        var table = new char[256];
        int next = 256;
        for (int b = 0; b < 256; b++)
        {
            bool printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            table[b] = printable ? (char)b : (char)next++;
        }

        return table;
    }
}
