using System.Text.Json.Nodes;

namespace RnnWorkbook.Notebook.Formatting;

/// <summary>
/// One value rendered in several MIME types (Jupyter's "mimebundle"). Text types hold strings; JSON types
/// (such as <c>application/vnd.plotly.v1+json</c>) hold a JSON document.
/// </summary>
public sealed class MimeBundle
{
    private readonly Dictionary<string, JsonNode> _data = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, JsonNode> Data => _data;

    public string? PlainText => _data.TryGetValue("text/plain", out var text) ? text.GetValue<string>() : null;

    public MimeBundle Add(string mimeType, string text)
    {
        _data[mimeType] = JsonValue.Create(text);
        return this;
    }

    public MimeBundle Add(string mimeType, JsonNode json)
    {
        _data[mimeType] = json;
        return this;
    }

    /// <summary>The bundle as nbformat stores it: text as a list of lines, JSON as an object.</summary>
    public JsonObject ToNotebookJson()
    {
        var result = new JsonObject();
        foreach (var (mime, value) in _data)
        {
            result[mime] = value is JsonValue v && v.TryGetValue<string>(out var text)
                ? Documents.IpynbFormat.SplitLines(text)
                : value.DeepClone();
        }

        return result;
    }

    /// <summary>The bundle as the Jupyter protocol sends it: text as one string.</summary>
    public JsonObject ToMessageJson()
    {
        var result = new JsonObject();
        foreach (var (mime, value) in _data)
        {
            result[mime] = value.DeepClone();
        }

        return result;
    }
}
