using System.Text.Json.Nodes;

namespace RnnWorkbook.Notebook.Documents;

/// <summary>
/// One cell of a notebook. The cell keeps the JSON object it was read from, so that every field the engine
/// does not own (metadata, attachments, unknown keys) is written back unchanged.
/// </summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject json, CellKind kind, string source, string language)
    {
        Json = json;
        Kind = kind;
        Source = source;
        Language = language;
    }

    /// <summary>The cell as stored; outputs and execution_count are rewritten by the runner.</summary>
    public JsonObject Json { get; }

    public CellKind Kind { get; }

    public string Source { get; }

    /// <summary>The cell's kernel language: "csharp" unless its metadata names another.</summary>
    public string Language { get; }

    /// <summary>Tags from the cell metadata, such as nbclient's "raises-exception".</summary>
    public IReadOnlyList<string> Tags =>
        Json["metadata"]?["tags"] is JsonArray tags
            ? tags.Select(t => t?.GetValue<string>() ?? "").ToArray()
            : [];

    public bool MayRaise => Tags.Contains("raises-exception");
}
