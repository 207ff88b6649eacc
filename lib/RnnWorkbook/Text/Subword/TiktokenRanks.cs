namespace RnnWorkbook.Text.Subword;

/// <summary>
/// Reads tiktoken rank files: one token a line, written as the base64 of its bytes and its rank
/// ("IQ== 0"), or as the base64 alone with the line number as rank.
/// </summary>
internal static class TiktokenRanks
{
    /// <summary>Ranks are ids and size the decoding table, so absurd values are rejected.</summary>
    private const int MaxRank = 10_000_000;

    /// <summary>
    /// Parses a tiktoken rank file: lines "base64 rank", or lines "base64" alone whose rank is their line
    /// number (counting from 0, blank lines included), as in the packaged file, which also starts with
    /// a "Capacity: n" line.
    /// </summary>
    /// <exception cref="InvalidDataException">A line is neither form.</exception>
    public static ByteSequenceTable Read(Stream stream)
    {
        var items = new List<(byte[] Key, int Value)>(100_300);
        using var reader = new StreamReader(stream, leaveOpen: true);
        string? line = reader.ReadLine();
        if (line is not null && line.StartsWith("Capacity: ", StringComparison.Ordinal))
        {
            line = reader.ReadLine();
        }

        for (int lineNumber = 0; line is not null; lineNumber++, line = reader.ReadLine())
        {
            if (line.Length == 0)
            {
                continue;
            }

            int space = line.IndexOf(' ');
            int rank = lineNumber;
            if (space >= 0 && (space == 0 || !int.TryParse(line.AsSpan(space + 1), out rank) || rank is < 0 or > MaxRank))
            {
                throw new InvalidDataException($"Line {lineNumber + 1} is not \"base64 rank\" or \"base64\".");
            }

            string base64 = space >= 0 ? line[..space] : line;
            try
            {
                items.Add((Convert.FromBase64String(base64), rank));
            }
            catch (FormatException error)
            {
                throw new InvalidDataException($"Line {lineNumber + 1} has invalid base64.", error);
            }
        }

        try
        {
            return new ByteSequenceTable(items);
        }
        catch (ArgumentException error)
        {
            throw new InvalidDataException($"The rank file lists a token twice: {error.Message}", error);
        }
    }
}
