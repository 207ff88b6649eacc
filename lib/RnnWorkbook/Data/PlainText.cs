using System.Text;

namespace RnnWorkbook.Data;

/// <summary>
/// Reads text files as UTF-8, tolerating a byte-order mark. Invalid bytes are an error rather than a
/// silent U+FFFD, because a replacement character would quietly become a token of its own.
/// </summary>
public static class PlainText
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The whole text of the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not valid UTF-8; the message gives the byte offset.</exception>
    public static string Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return File.ReadAllText(path, _strictUtf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"{path} is not valid UTF-8 (bad byte near offset {e.Index}).", e);
        }
    }

    /// <summary>The text of <paramref name="bytes"/>, without a leading byte-order mark.</summary>
    /// <exception cref="InvalidDataException">The bytes are not valid UTF-8.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> byteOrderMark = [0xEF, 0xBB, 0xBF];
        if (bytes.StartsWith(byteOrderMark))
            bytes = bytes[byteOrderMark.Length..];
        try
        {
            return _strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"The bytes are not valid UTF-8 (bad byte near offset {e.Index}).", e);
        }
    }

    /// <summary>Opens the file at <paramref name="path"/> for reading as UTF-8, skipping a byte-order mark.</summary>
    public static StreamReader OpenText(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new StreamReader(path, _strictUtf8, detectEncodingFromByteOrderMarks: true);
    }
}
