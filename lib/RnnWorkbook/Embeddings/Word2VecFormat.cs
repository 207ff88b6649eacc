using System.Globalization;
using System.Text;
using RnnWorkbook.Platform;

namespace RnnWorkbook.Embeddings;

/// <summary>
/// The two file formats of word2vec.c, which gensim's <c>KeyedVectors.load_word2vec_format</c> and
/// <c>save_word2vec_format</c> also read and write. Both start with a header line "&lt;count&gt; &lt;dimension&gt;".
/// </summary>
/// <remarks>
/// Text: one line per word, "word v1 v2 … vD", values in invariant culture.
/// Binary: per word, its UTF-8 bytes, a space, D little-endian float32 values and a newline (word2vec.c writes
/// the newline; gensim does not, and both readers skip white space before a word).
/// Files are written to a temporary name in the same folder and moved into place.
/// </remarks>
public static class Word2VecFormat
{
    /// <summary>Writes <paramref name="vectors"/> to <paramref name="path"/>, binary or text.</summary>
    public static void Save(WordVectors vectors, string path, bool binary)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        AtomicFile.Write(path, stream => Write(vectors, stream, binary));
    }

    /// <summary>Reads a file written by <see cref="Save"/>, word2vec.c or gensim.</summary>
    /// <exception cref="InvalidDataException">The header or a vector is malformed; the message names the problem and where.</exception>
    public static WordVectors Load(string path, bool binary, int? maxWords = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return Read(stream, binary, maxWords, path);
    }

    /// <summary>Writes to a stream.</summary>
    public static void Write(WordVectors vectors, Stream stream, bool binary)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(stream);
        int d = vectors.Dimension;
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var buffered = new BufferedStream(stream, 1 << 16);   // not disposed: the caller owns the stream
        buffered.Write(utf8.GetBytes($"{vectors.Count} {d}\n"));
        var line = new StringBuilder();
        Span<byte> bytes = stackalloc byte[4];
        for (int i = 0; i < vectors.Count; i++)
        {
            ReadOnlySpan<float> row = vectors.Row(i);
            if (binary)
            {
                buffered.Write(utf8.GetBytes(vectors.Words[i] + " "));
                foreach (float value in row)
                {
                    BitConverter.TryWriteBytes(bytes, value);
                    if (!BitConverter.IsLittleEndian)
                    {
                        bytes.Reverse();
                    }

                    buffered.Write(bytes);
                }

                buffered.WriteByte((byte)'\n');
            }
            else
            {
                line.Clear().Append(vectors.Words[i]);
                foreach (float value in row)
                {
                    line.Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture));
                }

                buffered.Write(utf8.GetBytes(line.Append('\n').ToString()));
            }
        }

        buffered.Flush();
    }

    /// <summary>Reads from a stream; <paramref name="source"/> names it in error messages.</summary>
    public static WordVectors Read(Stream stream, bool binary, int? maxWords = null, string source = "word2vec file")
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new ByteReader(stream);
        string header = reader.ReadLine() ?? throw new InvalidDataException($"{source}: the file is empty; expected a header '<count> <dimension>'.");
        string[] parts = header.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int dimension))
        {
            throw new InvalidDataException($"{source}: malformed header '{Shorten(header)}'; expected two non-negative integers '<count> <dimension>'.");
        }

        if (dimension < 1 || dimension > 100_000)
        {
            throw new InvalidDataException($"{source}: header dimension {dimension} is out of range (1 – 100,000).");
        }

        int n = Math.Min(count, maxWords ?? count);
        var words = new string[n];
        var data = new float[(long)n * dimension];
        for (int i = 0; i < n; i++)
        {
            if (binary)
            {
                words[i] = reader.ReadWord() ?? throw Truncated(source, i, count);
                for (int j = 0; j < dimension; j++)
                {
                    data[(long)i * dimension + j] = reader.ReadSingle() ?? throw Truncated(source, i, count);
                }
            }
            else
            {
                string line = reader.ReadLine() ?? throw Truncated(source, i, count);
                string[] fields = line.TrimEnd().Split(' ');
                if (fields.Length != dimension + 1)
                {
                    throw new InvalidDataException($"{source}: line {i + 2} has {fields.Length - 1} values after the word; the header says {dimension}.");
                }

                words[i] = fields[0];
                for (int j = 0; j < dimension; j++)
                {
                    if (!float.TryParse(fields[j + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out data[(long)i * dimension + j]))
                    {
                        throw new InvalidDataException($"{source}: line {i + 2}, value {j + 1} ('{Shorten(fields[j + 1])}') is not a number.");
                    }
                }
            }
        }

        return new WordVectors(words, data, dimension);
    }

    private static InvalidDataException Truncated(string source, int read, int count) =>
        new($"{source}: the file ends after {read:N0} of the {count:N0} vectors its header announces.");

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    /// <summary>Reads lines, space-separated words and raw floats from one stream, as the binary format mixes them.</summary>
    private sealed class ByteReader(Stream stream)
    {
        private readonly BufferedStream _stream = new(stream, 1 << 16);
        private readonly List<byte> _bytes = [];

        public string? ReadLine()
        {
            _bytes.Clear();
            int b;
            while ((b = _stream.ReadByte()) >= 0 && b != '\n')
            {
                _bytes.Add((byte)b);
            }

            return b < 0 && _bytes.Count == 0 ? null : Decode();
        }

        public string? ReadWord()
        {
            _bytes.Clear();
            int b;
            while ((b = _stream.ReadByte()) is '\n' or ' ' or '\r')
            {
            }

            for (; b >= 0 && b != ' '; b = _stream.ReadByte())
            {
                _bytes.Add((byte)b);
            }

            return _bytes.Count == 0 ? null : Decode();
        }

        public float? ReadSingle()
        {
            Span<byte> bytes = stackalloc byte[4];
            if (_stream.ReadAtLeast(bytes, 4, throwOnEndOfStream: false) < 4)
            {
                return null;
            }

            if (!BitConverter.IsLittleEndian)
            {
                bytes.Reverse();
            }

            return BitConverter.ToSingle(bytes);
        }

        private string Decode() => Encoding.UTF8.GetString([.. _bytes]);
    }
}
