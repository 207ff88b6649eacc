using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;

namespace RnnWorkbook.Display;

/// <summary>
/// A chart as a plotly.js figure (<c>{"data": [...], "layout": {...}}</c>). It is the workbook's own type so
/// that it displays the same way in every engine: Microsoft.DotNet.Interactive.Formatting, which both our
/// engine and .NET Interactive use, finds its formatters through the attribute below, and nothing here
/// needs F# or Plotly.NET at run time.
/// </summary>
[TypeFormatterSource(typeof(ChartFormatterSource), PreferredMimeTypes = [ChartFormatterSource.Html, ChartFormatterSource.PlotlyJson])]
public sealed class Chart
{
    private readonly JsonObject _figure;

    internal Chart(JsonObject figure)
    {
        _figure = figure;
    }

    /// <summary>The chart's title, as shown above it.</summary>
    public string Title => _figure["layout"]?["title"]?["text"]?.GetValue<string>() ?? "";

    /// <summary>A logarithmic x axis (labels as powers of ten).</summary>
    public Chart WithLogX() => WithAxis("xaxis", axis => axis["type"] = "log");

    /// <summary>A logarithmic y axis (labels as powers of ten).</summary>
    public Chart WithLogY() => WithAxis("yaxis", axis => axis["type"] = "log");

    /// <summary>The figure as plotly.js reads it (the JSON of <c>application/vnd.plotly.v1+json</c>).</summary>
    public string ToFigureJson() => _figure.ToJsonString();

    /// <summary>A copy of the figure.</summary>
    public JsonObject ToFigure() => (JsonObject)_figure.DeepClone();

    public override string ToString() => $"chart \"{Title}\" ({_figure["data"]?.AsArray().Count ?? 0} traces)";

    private Chart WithAxis(string name, Action<JsonObject> change)
    {
        var figure = ToFigure();
        var layout = (JsonObject)figure["layout"]!;
        if (layout[name] is not JsonObject axis)
        {
            axis = new JsonObject();
            layout[name] = axis;
        }

        change(axis);
        return new Chart(figure);
    }
}
