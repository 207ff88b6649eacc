using Microsoft.DotNet.Interactive.Formatting;

namespace RnnWorkbook.Display;

/// <summary>
/// How a <see cref="Chart"/> displays: plotly's JSON MIME type (VS Code and JupyterLab draw it themselves),
/// HTML that draws offline with the plotly.js the library carries, and a line of text.
/// </summary>
internal sealed class ChartFormatterSource : ITypeFormatterSource
{
    public const string Html = "text/html";
    public const string PlotlyJson = "application/vnd.plotly.v1+json";
    public const string PlainText = "text/plain";

    public IEnumerable<ITypeFormatter> CreateTypeFormatters() =>
    [
        new ChartFormatter(Html, chart => ChartHtml.Render(chart.ToFigureJson(), chart.Title)),
        new ChartFormatter(PlotlyJson, chart => chart.ToFigureJson()),
        new ChartFormatter(PlainText, chart => chart.ToString()),
    ];

    private sealed class ChartFormatter(string mimeType, Func<Chart, string> render) : ITypeFormatter
    {
        public string MimeType => mimeType;

        public Type Type => typeof(Chart);

        public bool Format(object instance, FormatContext context)
        {
            if (instance is not Chart chart)
            {
                return false;
            }

            context.Writer.Write(render(chart));
            return true;
        }
    }
}
