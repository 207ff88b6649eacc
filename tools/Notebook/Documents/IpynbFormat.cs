using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RnnWorkbook.Platform;

namespace RnnWorkbook.Notebook.Documents;

/// <summary>
/// Reads and writes Jupyter notebooks (nbformat 4.4 and 4.5). Written notebooks are nbformat 4.5: every
/// cell has an id, and the file is replaced atomically (temp file in the same folder, then move).
/// </summary>
public static class IpynbFormat
{
    private static readonly JsonSerializerOptions s_writeOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static NotebookDocument Parse(string path, string text)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(text) as JsonObject
                ?? throw new InvalidDataException($"{path}: a notebook must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message}).", e);
        }

        var major = root["nbformat"]?.GetValue<int>()
            ?? throw new InvalidDataException($"{path}: missing 'nbformat'.");
        if (major != 4)
        {
            throw new InvalidDataException($"{path}: nbformat {major} is not supported; save it as nbformat 4.");
        }

        if (root["cells"] is not JsonArray cellArray)
        {
            throw new InvalidDataException($"{path}: missing 'cells' array.");
        }

        var defaultLanguage = DefaultLanguage(root);
        var cells = new List<NotebookCell>();
        var index = 0;
        foreach (var node in cellArray)
        {
            index++;
            if (node is not JsonObject cell)
            {
                throw new InvalidDataException($"{path}: cell {index} is not a JSON object.");
            }

            var kind = cell["cell_type"]?.GetValue<string>() switch
            {
                "code" => CellKind.Code,
                "markdown" => CellKind.Markdown,
                "raw" => CellKind.Raw,
                var other => throw new InvalidDataException($"{path}: cell {index} has unknown cell_type '{other}'."),
            };
            cells.Add(new NotebookCell(cell, kind, JoinSource(cell["source"]), CellLanguage(cell) ?? defaultLanguage));
        }

        return new NotebookDocument(path, root, cells);
    }

    /// <summary>Serializes the notebook as nbformat 4.5, adding cell ids where missing.</summary>
    public static string Serialize(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        notebook.Json["nbformat"] = 4;
        if ((notebook.Json["nbformat_minor"]?.GetValue<int>() ?? 0) < 5)
        {
            notebook.Json["nbformat_minor"] = 5;
        }

        var used = new HashSet<string>();
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var json = notebook.Cells[i].Json;
            var id = json["id"]?.GetValue<string>();
            if (id is null || !used.Add(id))
            {
                id = NewCellId(notebook.Cells[i].Source, i, used);
                json["id"] = id;
            }
        }

        return notebook.Json.ToJsonString(s_writeOptions) + "\n";
    }

    /// <summary>Writes the notebook to <paramref name="path"/> through a temp file, so no half-written file is left.</summary>
    public static void Write(NotebookDocument notebook, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllText(path, Serialize(notebook));
    }

    /// <summary>Jupyter stores multi-line text as a list of lines that keep their line ends.</summary>
    public static JsonArray SplitLines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    private static string JoinSource(JsonNode? source) => source switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        _ => source.GetValue<string>(),
    };

    private static string? CellLanguage(JsonObject cell) =>
        cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
        ?? cell["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>();

    private static string DefaultLanguage(JsonObject root) =>
        root["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>() ?? "csharp";

    private static string NewCellId(string source, int index, HashSet<string> used)
    {
        // Derived from the content, so clearing and re-saving a notebook does not churn its ids.
        for (var salt = 0; ; salt++)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{index}:{salt}:{source}"));
            var id = Convert.ToHexStringLower(hash)[..8];
            if (used.Add(id))
            {
                return id;
            }
        }
    }
}
