using System.Text.Json;
using RnnWorkbook.Platform;

namespace RnnWorkbook.Text.Subword;

/// <summary>
/// The JSON form of a <see cref="BpeModel"/>:
/// <c>{"format": "rnnworkbook-bpe", "version": 1, "mode": "ByteLevel", "specialTokenCount": 2,
/// "tokens": [...], "merges": [["Ġ", "t", 1234], ...]}</c>. Tokens are listed in id order and merges in
/// rank order, each with the pair count seen in training.
/// </summary>
internal static class BpeModelFile
{
    private const string FormatName = "rnnworkbook-bpe";
    private const int FormatVersion = 1;

    public static void Save(BpeModel model, string path)
    {
        AtomicFile.Write(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            writer.WriteStartObject();
            writer.WriteString("format", FormatName);
            writer.WriteNumber("version", FormatVersion);
            writer.WriteString("mode", model.Mode.ToString());
            writer.WriteNumber("specialTokenCount", model.SpecialTokens.Count);
            writer.WriteStartArray("tokens");
            foreach (string token in model.Tokens)
            {
                writer.WriteStringValue(token);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("merges");
            foreach (BpeMerge merge in model.Merges)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(merge.Left);
                writer.WriteStringValue(merge.Right);
                writer.WriteNumberValue(merge.Count);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    public static BpeModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using FileStream stream = File.OpenRead(path);
        try
        {
            using JsonDocument document = JsonDocument.Parse(stream);
            JsonElement root = document.RootElement;
            if (root.GetProperty("format").GetString() != FormatName || root.GetProperty("version").GetInt32() != FormatVersion)
            {
                throw new InvalidDataException($"'{path}' is not a {FormatName} version {FormatVersion} file.");
            }

            BpeMode mode = Enum.Parse<BpeMode>(root.GetProperty("mode").GetString() ?? "");
            int specialCount = root.GetProperty("specialTokenCount").GetInt32();
            string[] tokens = root.GetProperty("tokens").EnumerateArray().Select(RequiredString).ToArray();
            if (specialCount < 0 || specialCount > tokens.Length)
            {
                throw new InvalidDataException($"specialTokenCount {specialCount} does not fit {tokens.Length} tokens.");
            }

            var merges = root.GetProperty("merges").EnumerateArray().Select(ReadMerge).ToList();
            return new BpeModel(mode, tokens, specialCount, merges);
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException
                                          or ArgumentException or FormatException)
        {
            throw new InvalidDataException($"'{path}' is not a saved BPE model: {error.Message}", error);
        }
    }

    private static (string Left, string Right, long Count) ReadMerge(JsonElement merge) =>
        merge.GetArrayLength() == 3
            ? (RequiredString(merge[0]), RequiredString(merge[1]), merge[2].GetInt64())
            : throw new InvalidDataException("A merge must be [left, right, count].");

    private static string RequiredString(JsonElement element) =>
        element.GetString() ?? throw new InvalidDataException("A token is null.");
}
