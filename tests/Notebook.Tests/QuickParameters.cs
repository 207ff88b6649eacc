using System.Text.Json.Nodes;

namespace RnnWorkbook.Notebook.Tests;

/// <summary>The quick values CI gives each chapter's <c>parameters</c> cell (notebooks/quick-parameters.json).</summary>
internal static class QuickParameters
{
    public static string File => Path.Combine(Repository.Notebooks, "quick-parameters.json");

    /// <summary>The chapter's (name, C# expression) pairs; none when the file does not list it.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(string chapter)
    {
        var all = JsonNode.Parse(System.IO.File.ReadAllText(File))?.AsObject()
            ?? throw new InvalidDataException($"{File}: expected a JSON object");
        return all[chapter] is JsonObject values
            ? [.. values.Select(v => KeyValuePair.Create(v.Key, v.Value?.GetValue<string>()
                ?? throw new InvalidDataException($"{File}: {chapter}.{v.Key} must be a string (a C# expression)")))]
            : [];
    }
}
