using System.Text.Json.Nodes;

namespace RnnWorkbook.Notebook.Documents;

/// <summary>
/// The metadata Polyglot Notebooks wrote into C# notebooks, which VS Code and Jupyter use to pick the
/// kernel and the cell language. New and converted notebooks get exactly this.
/// </summary>
public static class NotebookTemplate
{
    public static JsonObject Metadata() => new()
    {
        ["kernelspec"] = new JsonObject
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        },
        ["language_info"] = new JsonObject
        {
            ["file_extension"] = ".cs",
            ["mimetype"] = "text/x-csharp",
            ["name"] = "C#",
            ["pygments_lexer"] = "csharp",
            ["version"] = "13.0",
        },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        },
    };

    /// <summary>An nbformat 4.5 notebook with <paramref name="cells"/> and the C# metadata above.</summary>
    public static JsonObject Document(IEnumerable<JsonObject> cells) => new()
    {
        ["cells"] = new JsonArray(cells.Select(c => (JsonNode?)c).ToArray()),
        ["metadata"] = Metadata(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };

    public static JsonObject CodeCell(string source, string language = "csharp") => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["metadata"] = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = language },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = language },
        },
        ["outputs"] = new JsonArray(),
        ["source"] = IpynbFormat.SplitLines(source),
    };

    public static JsonObject MarkdownCell(string source) => new()
    {
        ["cell_type"] = "markdown",
        ["metadata"] = new JsonObject(),
        ["source"] = IpynbFormat.SplitLines(source),
    };
}
