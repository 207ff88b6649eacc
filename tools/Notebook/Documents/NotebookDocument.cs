using System.Text.Json.Nodes;

namespace RnnWorkbook.Notebook.Documents;

/// <summary>
/// A notebook as read from disk: the whole JSON tree (so unknown fields survive a round trip) and its cells.
/// <see cref="IpynbFormat"/> and <see cref="DibFormat"/> create it; <see cref="IpynbFormat.Write"/> saves it.
/// </summary>
public sealed class NotebookDocument
{
    private readonly List<NotebookCell> _cells;

    internal NotebookDocument(string path, JsonObject json, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        Json = json;
        _cells = [.. cells];
    }

    /// <summary>The file the notebook was read from; relative <c>#r</c> paths resolve against its folder.</summary>
    public string Path { get; }

    public JsonObject Json { get; }

    public IReadOnlyList<NotebookCell> Cells => _cells;

    public string Directory => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    /// <summary>Reads an <c>.ipynb</c> or <c>.dib</c> file, choosing the format by extension.</summary>
    public static NotebookDocument Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = File.ReadAllText(path);
        return System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".ipynb" => IpynbFormat.Parse(path, text),
            ".dib" => DibFormat.Parse(path, text),
            var other => throw new NotSupportedException(
                $"{path}: '{other}' is not a notebook format this engine reads (.ipynb or .dib)."),
        };
    }

    /// <summary>Inserts a code cell at <paramref name="index"/>, in the cell list and in the JSON tree.</summary>
    internal NotebookCell InsertCodeCell(int index, string source, string language)
    {
        var json = NotebookTemplate.CodeCell(source, language);
        var cell = new NotebookCell(json, CellKind.Code, source, language);
        CellArray().Insert(index, json);
        _cells.Insert(index, cell);
        return cell;
    }

    /// <summary>Removes the cell at <paramref name="index"/>, in the cell list and in the JSON tree.</summary>
    internal void RemoveCell(int index)
    {
        CellArray().RemoveAt(index);
        _cells.RemoveAt(index);
    }

    private JsonArray CellArray() =>
        Json["cells"] is JsonArray array && array.Count == _cells.Count
            ? array
            : throw new InvalidOperationException($"{Path}: the JSON cells do not match the parsed cells.");

    /// <summary>Removes every output and execution count, as notebooks are stored in the repository.</summary>
    public void ClearOutputs()
    {
        foreach (var cell in Cells.Where(c => c.Kind == CellKind.Code))
        {
            cell.Json["outputs"] = new JsonArray();
            cell.Json["execution_count"] = null;
        }
    }
}
