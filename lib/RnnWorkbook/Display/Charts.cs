using System.Text.Json.Nodes;

namespace RnnWorkbook.Display;

/// <summary>
/// The few chart shapes the chapters use, with one look: loss curves, frequency bars, scatter plots and
/// log–log plots. Each returns a <see cref="Chart"/>; a notebook shows it by making it a cell's last expression.
/// </summary>
public static class Charts
{
    /// <summary>Ten colours that stay apart from each other (Tableau 10), in the order series get them.</summary>
    public static readonly IReadOnlyList<string> Palette =
        ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

    /// <summary>One line per series over a shared x axis, e.g. training and held-out loss per epoch.</summary>
    public static Chart Lines(string title, string xTitle, string yTitle, params Series[] series) =>
        Build(title, xTitle, yTitle, Traces(series, s => s.X.Count <= 50 ? "lines+markers" : "lines"));

    /// <summary>Points without lines, one colour per series (for example data and a model's predictions).</summary>
    public static Chart Scatter(string title, string xTitle, string yTitle, params Series[] series) =>
        Build(title, xTitle, yTitle, Traces(series, _ => "markers"));

    /// <summary>Labelled points, e.g. words projected to two dimensions: each point shows its label above it.</summary>
    public static Chart Scatter(string title, IReadOnlyList<string> labels, IReadOnlyList<double> x, IReadOnlyList<double> y, string xTitle = "", string yTitle = "")
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (labels.Count != x.Count || x.Count != y.Count)
        {
            throw new ArgumentException($"labels, x and y must have the same length: {labels.Count}, {x.Count}, {y.Count}.", nameof(y));
        }

        var points = new JsonObject
        {
            ["type"] = "scatter",
            ["mode"] = "markers+text",
            ["x"] = Numbers(x),
            ["y"] = Numbers(y),
            ["text"] = new JsonArray([.. labels.Select(l => (JsonNode?)JsonValue.Create(l))]),
            ["textposition"] = "top center",
        };
        return Build(title, xTitle, yTitle, [points]);
    }

    /// <summary>A bar per label, in the given order (for example the most frequent tokens).</summary>
    public static Chart Bars(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values, string yTitle = "count")
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        if (labels.Count != values.Count)
        {
            throw new ArgumentException($"labels has {labels.Count} items but values has {values.Count}.", nameof(values));
        }

        var bar = new JsonObject
        {
            ["type"] = "bar",
            ["x"] = new JsonArray([.. labels.Select(l => (JsonNode?)JsonValue.Create(l))]),
            ["y"] = Numbers(values),
        };
        return Build(title, "", yTitle, [bar]);
    }

    /// <summary>
    /// A heatmap of <paramref name="values"/> (rows × columns), the first row at the top: a confusion matrix (true
    /// classes as rows, predicted ones as columns) or attention weights (one row per output step, one column per
    /// input token). Labels may repeat (the two O's of "BOOK"): each cell keeps its own position.
    /// </summary>
    /// <param name="title">The chart's title.</param>
    /// <param name="columnLabels">One label per column, left to right.</param>
    /// <param name="rowLabels">One label per row, top to bottom.</param>
    /// <param name="values">The matrix (rows × columns).</param>
    /// <param name="xTitle">The column axis's title.</param>
    /// <param name="yTitle">The row axis's title.</param>
    /// <param name="cellFormat">When given (e.g. "G4"), each cell shows its number in that format.</param>
    /// <exception cref="ArgumentException">The label counts do not match the matrix.</exception>
    public static Chart Heatmap(string title, IReadOnlyList<string> columnLabels, IReadOnlyList<string> rowLabels, double[,] values,
        string xTitle = "", string yTitle = "", string? cellFormat = null) =>
        HeatmapFigure.Of(title, columnLabels, rowLabels, values, xTitle, yTitle, cellFormat);

    /// <summary>Both axes logarithmic: a power law such as Zipf's law shows as a straight line.</summary>
    public static Chart LogLog(string title, string xTitle, string yTitle, params Series[] series) =>
        Lines(title, xTitle, yTitle, series).WithLogX().WithLogY();

    /// <summary>A logarithmic y axis: a quantity that grows or shrinks by a constant factor per step is a straight line.</summary>
    public static Chart LogY(string title, string xTitle, string yTitle, params Series[] series) =>
        Lines(title, xTitle, yTitle, series).WithLogY();

    /// <summary>A logarithmic x axis, for example a vocabulary size from 100 to 100,000.</summary>
    public static Chart LogX(string title, string xTitle, string yTitle, params Series[] series) =>
        Lines(title, xTitle, yTitle, series).WithLogX();

    private static JsonNode[] Traces(Series[] series, Func<Series, string> mode)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Length == 0)
        {
            throw new ArgumentException("at least one series is needed.", nameof(series));
        }

        return [.. series.Select(s => (JsonNode)new JsonObject
        {
            ["type"] = "scatter",
            ["mode"] = mode(s),
            ["name"] = s.Name,
            ["x"] = Numbers(s.X),
            ["y"] = Numbers(s.Y),
        })];
    }

    // NaN and ±∞ have no JSON form; plotly.js leaves a gap where a point is null.
    private static JsonArray Numbers(IReadOnlyList<double> values) =>
        new([.. values.Select(v => double.IsFinite(v) ? JsonValue.Create(v) : null)]);

    private static Chart Build(string title, string xTitle, string yTitle, JsonNode[] traces)
    {
        ArgumentNullException.ThrowIfNull(title);
        var layout = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = title },
            ["width"] = 720,
            ["height"] = 420,
            ["colorway"] = new JsonArray([.. Palette.Select(c => (JsonNode?)JsonValue.Create(c))]),
            ["paper_bgcolor"] = "white",
            ["plot_bgcolor"] = "white",
            ["xaxis"] = Axis(xTitle),
            ["yaxis"] = Axis(yTitle),
        };
        return new Chart(new JsonObject { ["data"] = new JsonArray(traces), ["layout"] = layout });
    }

    // One number format on every axis: powers of ten (10⁻⁸), never SI prefixes (10n) mixed with exponents.
    private static JsonObject Axis(string title) => new()
    {
        ["title"] = new JsonObject { ["text"] = title ?? "" },
        ["exponentformat"] = "power",
        ["showexponent"] = "all",
        ["gridcolor"] = "#e5e5e5",
        ["zerolinecolor"] = "#bbbbbb",
        ["automargin"] = true,
    };
}
