using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RnnWorkbook.Notebook.Formatting;

/// <summary>
/// Plotly figures as notebook outputs. Front ends that know <c>application/vnd.plotly.v1+json</c> (VS Code,
/// JupyterLab) draw the JSON themselves; the HTML draws offline with the plotly.js the engine carries (the
/// same HTML as the library's charts).
/// </summary>
public static partial class PlotlyFigure
{
    public static string Html(string figureJson) => RnnWorkbook.Display.ChartHtml.Render(figureJson, "");

    /// <summary>XPlot.Plotly only exposes its figure inside generated JavaScript; this reads it back out.</summary>
    public static string FromXPlot(XPlot.Plotly.PlotlyChart chart)
    {
        var script = chart.GetInlineJS();
        var data = DataAssignment().Match(script);
        var layout = LayoutAssignment().Match(script);
        var figure = new JsonObject
        {
            ["data"] = data.Success ? JsonNode.Parse(data.Groups["json"].Value) : new JsonArray(),
            ["layout"] = layout.Success && JsonNode.Parse(layout.Groups["json"].Value) is JsonObject o ? o : new JsonObject(),
        };
        return figure.ToJsonString();
    }

    [GeneratedRegex(@"var data = (?<json>.*?);\s*\n", RegexOptions.Singleline)]
    private static partial Regex DataAssignment();

    [GeneratedRegex(@"var layout = (?<json>.*?);\s*\n", RegexOptions.Singleline)]
    private static partial Regex LayoutAssignment();
}
