using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Documents;

namespace RnnWorkbook.Notebook.Tests;

/// <summary>Builds small notebooks for tests.</summary>
internal static class Notebooks
{
    public static string WriteIpynb(TempFolder folder, string name, params string[] codeCells) =>
        WriteIpynb(folder, name, codeCells.Select(c => NotebookTemplate.CodeCell(c)).ToArray());

    public static string WriteIpynb(TempFolder folder, string name, JsonObject[] cells)
    {
        var path = folder.File(name);
        File.WriteAllText(path, NotebookTemplate.Document(cells).ToJsonString());
        return path;
    }

    public static JsonObject Tagged(string source, params string[] tags)
    {
        var cell = NotebookTemplate.CodeCell(source);
        cell["metadata"]!["tags"] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray());
        return cell;
    }

    public static JsonArray Outputs(JsonObject notebook, int cellIndex) =>
        (JsonArray)notebook["cells"]![cellIndex]!["outputs"]!;

    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        null => "",
        _ => node.GetValue<string>(),
    };
}
