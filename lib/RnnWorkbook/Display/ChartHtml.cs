using System.Net;

namespace RnnWorkbook.Display;

/// <summary>
/// The HTML of a chart output. It draws with no network in JupyterLab, the classic Notebook, nbconvert's HTML
/// and a plain browser: the first chart of a notebook carries plotly.js (once), later ones wait for it. Until
/// a script draws it, the box says in words why it is empty (untrusted notebook, scripts off).
/// </summary>
internal static class ChartHtml
{
    public const string NoScriptText =
        "This chart is drawn by JavaScript (plotly.js, carried in the notebook), which has not run here: " +
        "the notebook may not be trusted, or scripts are off. Open it in VS Code or JupyterLab and trust it, or read the HTML book.";

    public const string MissingPlotlyText =
        "plotly.js did not load on this page. It comes with the first chart of the notebook: run that cell again.";

    private static readonly Lock s_lock = new();
    private static object? s_page;
    private static bool s_plotlyWritten;

    /// <summary>
    /// The engine that shows the outputs sets this per notebook (our engine: one value per session), so that
    /// plotly.js goes into the first chart of every notebook; without it, the first chart of the process.
    /// </summary>
    public const string PageKey = "RnnWorkbook.Display.Page";

    public static string Render(string figureJson, string title)
    {
        var id = "rnnworkbook-chart-" + Guid.NewGuid().ToString("N")[..12];
        var plotly = TakePlotly() ? $"<script type=\"text/javascript\">{PlotlyScript.GlobalSource}</script>\n" : "";
        return $$"""
            <div class="rnnworkbook-chart" id="{{id}}" style="width: 100%; max-width: 720px; min-height: 420px;" aria-label="{{WebUtility.HtmlEncode(title)}}"><p class="rnnworkbook-chart-message" style="padding: 1em; border: 1px dashed #999; color: #555;">{{WebUtility.HtmlEncode(NoScriptText)}}</p></div>
            {{plotly}}<script type="text/javascript">
            (function () {
              var box = document.getElementById('{{id}}');
              var figure = {{figureJson.Replace("</", "<\\/", StringComparison.Ordinal)}};
              var waited = 0;
              function draw() {
                var plotly = window.Plotly;
                if (plotly && plotly.newPlot) {
                  box.innerHTML = '';
                  plotly.newPlot(box, figure.data, figure.layout || {}, {responsive: true, displaylogo: false});
                } else if (waited < 100) {
                  waited++; setTimeout(draw, 100);
                } else {
                  box.firstChild.textContent = {{System.Text.Json.JsonSerializer.Serialize(MissingPlotlyText)}};
                }
              }
              draw();
            })();
            </script>
            """;
    }

    private static bool TakePlotly()
    {
        lock (s_lock)
        {
            var page = AppContext.GetData(PageKey);
            if (!ReferenceEquals(page, s_page))
            {
                s_page = page;
                s_plotlyWritten = false;
            }

            var first = !s_plotlyWritten;
            s_plotlyWritten = true;
            return first;
        }
    }
}
