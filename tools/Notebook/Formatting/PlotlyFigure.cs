using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RnnWorkbook.Notebook.Formatting;

/// <summary>
/// Plotly figures as notebook outputs. Front ends that know <c>application/vnd.plotly.v1+json</c> (VS Code,
/// JupyterLab) draw the JSON themselves; the HTML fallback loads plotly.js when the page lacks it, through
/// require.js where the page has it (classic Jupyter) or a script tag otherwise.
/// </summary>
public static partial class PlotlyFigure
{
    private const string PlotlyJs = "https://cdn.plot.ly/plotly-2.35.2.min";

    public static string Html(string figureJson)
    {
        var id = "plotly-" + Guid.NewGuid().ToString("N")[..12];
        return $$$"""
            <div id="{{{id}}}"></div>
            <script type="text/javascript">
            (function () {
              var figure = {{{figureJson}}};
              function draw() { Plotly.newPlot('{{{id}}}', figure.data, figure.layout || {}, {responsive: true}); }
              if (typeof Plotly !== 'undefined') { draw(); }
              else if (typeof require === 'function') {
                require.config({paths: {plotly: '{{{PlotlyJs}}}'}});
                require(['plotly'], function (p) { window.Plotly = p; draw(); });
              } else {
                var s = document.createElement('script'); s.src = '{{{PlotlyJs}}}.js'; s.onload = draw;
                document.head.appendChild(s);
              }
            })();
            </script>
            """;
    }

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
