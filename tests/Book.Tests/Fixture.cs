using System.Text.Json.Nodes;

namespace RnnWorkbook.Book.Tests;

/// <summary>Executed notebooks written by the tests: markdown with TeX, code, a chart, a table, text.</summary>
internal static class Fixture
{
    public static string Repository { get; } = FindRepository();

    public static string Folder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "rnnworkbook-book-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static JsonObject Markdown(string text) => new() { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = text };

    public static JsonObject Code(string source, params JsonObject[] outputs) => new()
    {
        ["cell_type"] = "code",
        ["metadata"] = new JsonObject(),
        ["execution_count"] = 1,
        ["source"] = source,
        ["outputs"] = new JsonArray([.. outputs]),
    };

    public static JsonObject Stream(string text) => new() { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = text };

    public static JsonObject Result(JsonObject data) => new() { ["output_type"] = "execute_result", ["execution_count"] = 1, ["metadata"] = new JsonObject(), ["data"] = data };

    public static JsonObject Chart(string title) => Result(new JsonObject
    {
        ["text/plain"] = "chart",
        ["text/html"] = "<div>HTML fallback that the book must not use</div>",
        ["application/vnd.plotly.v1+json"] = JsonNode.Parse($$$"""
            {"data": [{"type": "scatter", "mode": "lines", "name": "loss", "x": [1, 2, 3], "y": [1.0, 0.01, 0.0001]}],
             "layout": {"title": {"text": "{{{title}}}"}, "yaxis": {"type": "log", "exponentformat": "power"} } }
            """),
    });

    public static JsonObject Table() => Result(new JsonObject
    {
        ["text/plain"] = "rows",
        ["text/html"] = "<table class=\"rnnworkbook-table\"><thead><tr><th style=\"text-align: left\">Word</th><th style=\"text-align: right\">Count</th></tr></thead><tbody><tr><td style=\"text-align: left\">the</td><td style=\"text-align: right\">6287</td></tr></tbody></table>",
    });

    public static string Write(string folder, string name, params JsonObject[] cells)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray([.. cells]),
            ["metadata"] = new JsonObject(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    /// <summary>Two small chapters with everything the book shows.</summary>
    public static string Chapters()
    {
        var folder = Folder();
        Write(folder, "00-first.ipynb",
            Markdown("# 00 · First chapter\n\nInline $a_i = \\sum_j b_{ij}$ and display:\n\n$$ L = -\\frac{1}{T} \\sum_{t=1}^{T} \\log p_t $$\n\n## A section\n\nText."),
            Code("Charts.Lines(\"loss\", \"step\", \"loss\", Series.Of(\"loss\", losses))", Chart("loss per step")),
            Code("rows", Table()),
            Markdown("## Exercises\n\n<details><summary>Solution</summary>\n\n```csharp\nint Answer() => 42;\n```\n\n</details>"));
        Write(folder, "01-second.ipynb",
            Markdown("# 01 · Second chapter\n\n$$\n\\mathbf{h}_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b)\n$$\n"),
            Code("Console.WriteLine($\"cost $${price}\");", Stream("cost $12\n")),
            Code("Charts.LogY(\"norms\", \"t\", \"norm\")", Chart("norms")));
        return folder;
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RnnWorkbook.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the tests run inside the repository (RnnWorkbook.slnx not found above " + AppContext.BaseDirectory + ")");
    }
}
