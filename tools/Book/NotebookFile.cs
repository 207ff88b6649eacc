using System.Text.Json.Nodes;

namespace RnnWorkbook.Book;

/// <summary>An executed .ipynb as the book reads it: cells with their source, tags and outputs.</summary>
public sealed record NotebookFile(string Path, IReadOnlyList<NotebookCell> Cells)
{
    public static NotebookFile Read(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new BookException($"{path} is not valid JSON: {e.Message}");
        }

        if (root?["cells"] is not JsonArray cells)
        {
            throw new BookException($"{path} has no \"cells\" array: is it a notebook?");
        }

        return new NotebookFile(path, [.. cells.OfType<JsonObject>().Select(NotebookCell.From)]);
    }
}

public sealed record NotebookCell(string Type, string Source, IReadOnlyList<string> Tags, IReadOnlyList<JsonObject> Outputs)
{
    public static NotebookCell From(JsonObject cell) => new(
        cell["cell_type"]?.GetValue<string>() ?? "code",
        Text(cell["source"]),
        cell["metadata"]?["tags"] is JsonArray tags ? [.. tags.Select(t => t?.GetValue<string>() ?? "")] : [],
        cell["outputs"] is JsonArray outputs ? [.. outputs.OfType<JsonObject>()] : []);

    /// <summary>nbformat stores text as one string or as a list of lines.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        JsonValue value => value.GetValue<string>(),
        _ => "",
    };
}
