using System.IO.Compression;
using System.Reflection;

namespace RnnWorkbook.Text.Subword;

/// <summary>
/// Reads tiktoken rank files: one token a line, written as the base64 of its bytes and its rank
/// ("IQ== 0"), or as the base64 alone with the line number as rank. The cl100k_base ranks ship inside the package Microsoft.ML.Tokenizers.Data.Cl100kBase
/// as the deflate-compressed resource "cl100k_base.tiktoken.deflate", which is read here directly.
/// </summary>
internal static class TiktokenRanks
{
    private const string PackageAssembly = "Microsoft.ML.Tokenizers.Data.Cl100kBase";
    private const string ResourceName = "cl100k_base.tiktoken.deflate";

    /// <summary>Ranks are ids and size the decoding table, so absurd values are rejected.</summary>
    private const int MaxRank = 10_000_000;

    private static readonly Lazy<ByteSequenceTable> _cl100k = new(LoadPackagedCl100k);

    /// <summary>The cl100k_base ranks, loaded once.</summary>
    public static ByteSequenceTable Cl100k => _cl100k.Value;

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

    /// <summary>
    /// Opens the embedded resource of the data package. Its only type is internal, so the assembly is
    /// loaded by name; the package is a dependency of this library, so it sits next to it.
    /// </summary>
    private static ByteSequenceTable LoadPackagedCl100k()
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(PackageAssembly));
        }
        catch (FileNotFoundException error)
        {
            throw new InvalidOperationException($"The assembly {PackageAssembly}.dll (package {PackageAssembly}) was not found next to the application.", error);
        }

        using Stream compressed = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{PackageAssembly} has no resource {ResourceName}.");
        using var inflated = new DeflateStream(compressed, CompressionMode.Decompress);
        return Read(inflated);
    }
}
