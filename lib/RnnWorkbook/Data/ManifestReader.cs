using System.Text.Json;

namespace RnnWorkbook.Data;

/// <summary>
/// Turns the JSON of <c>data/datasets.json</c> into <see cref="DatasetInfo"/> records, naming the dataset
/// and the field whenever the manifest is incomplete.
/// </summary>
internal static class ManifestReader
{
    public static IEnumerable<DatasetInfo> ReadDatasets(JsonElement root)
    {
        foreach (var dataset in Array(root, "datasets", "the manifest"))
        {
            var name = String(dataset, "name", "a dataset");
            var files = Array(dataset, "files", name).Select(file => ReadFile(name, file)).ToArray();
            yield return new DatasetInfo(
                name,
                String(dataset, "description", name),
                String(dataset, "licence", name),
                String(dataset, "citation", name),
                new Uri(String(dataset, "homepage", name)),
                files);
        }
    }

    private static DatasetFile ReadFile(string dataset, JsonElement file)
    {
        var path = String(file, "path", $"a file of '{dataset}'");
        var where = $"{dataset}/{path}";
        var sha256 = String(file, "sha256", where);
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
            throw new InvalidDataException($"datasets.json: '{where}' has sha256 '{sha256}', not 64 lowercase hex digits.");

        if (!file.TryGetProperty("size", out var size) || !size.TryGetInt64(out var bytes) || bytes < 0)
            throw new InvalidDataException($"datasets.json: '{where}' needs a non-negative integer 'size'.");

        return new DatasetFile(dataset, path, new Uri(String(file, "url", where)), sha256, bytes);
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string property, string where)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"datasets.json: {where} needs an array '{property}'.");
        return value.EnumerateArray();
    }

    private static string String(JsonElement element, string property, string where)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String)
            throw new InvalidDataException($"datasets.json: {where} needs a string '{property}'.");
        var text = value.GetString()!;
        if (text.Length == 0)
            throw new InvalidDataException($"datasets.json: {where} has an empty '{property}'.");
        return text;
    }
}
