using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;

namespace RnnWorkbook.Display;

/// <summary>
/// The few chart shapes the chapters use, with one look: loss curves, frequency bars and log–log plots.
/// Each returns a Plotly.NET chart; a notebook shows it by making it a cell's last expression.
/// </summary>
public static class Charts
{
    /// <summary>One line per series over a shared x axis, e.g. training and held-out loss per epoch.</summary>
    public static GenericChart Lines(string title, string xTitle, string yTitle, params Series[] series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Length == 0)
        {
            throw new ArgumentException("at least one series is needed.", nameof(series));
        }

        var charts = series.Select(s => Plotly.NET.CSharp.Chart.Line<double, double, string>(x: s.X, y: s.Y, Name: s.Name, ShowMarkers: s.X.Count <= 50));
        return Style(Plotly.NET.CSharp.Chart.Combine(charts), title, xTitle, yTitle);
    }

    /// <summary>A bar per label, in the given order (for example the most frequent tokens).</summary>
    public static GenericChart Bars(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values, string yTitle = "count")
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        if (labels.Count != values.Count)
        {
            throw new ArgumentException($"labels has {labels.Count} items but values has {values.Count}.", nameof(values));
        }

        return Style(Plotly.NET.CSharp.Chart.Column<double, string, string>(values: values, Keys: labels.ToArray()), title, "", yTitle);
    }

    /// <summary>Both axes logarithmic: a power law such as Zipf's law shows as a straight line.</summary>
    public static GenericChart LogLog(string title, string xTitle, string yTitle, params Series[] series) =>
        Lines(title, xTitle, yTitle, series)
            .WithXAxisStyle<double, double, string>(TitleText: xTitle, AxisType: StyleParam.AxisType.Log)
            .WithYAxisStyle<double, double, string>(TitleText: yTitle, AxisType: StyleParam.AxisType.Log);

    /// <summary>A logarithmic y axis: a quantity that grows or shrinks by a constant factor per step is a straight line.</summary>
    public static GenericChart LogY(string title, string xTitle, string yTitle, params Series[] series) =>
        Lines(title, xTitle, yTitle, series)
            .WithYAxisStyle<double, double, string>(TitleText: yTitle, AxisType: StyleParam.AxisType.Log);

    /// <summary>Labelled points, e.g. words projected to two dimensions.</summary>
    public static GenericChart Scatter(string title, IReadOnlyList<string> labels, IReadOnlyList<double> x, IReadOnlyList<double> y, string xTitle = "", string yTitle = "")
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != x.Count || x.Count != y.Count)
        {
            throw new ArgumentException($"labels, x and y must have the same length: {labels.Count}, {x.Count}, {y.Count}.", nameof(y));
        }

        var chart = Plotly.NET.CSharp.Chart.Point<double, double, string>(x: x, y: y, MultiText: labels.ToArray(), TextPosition: StyleParam.TextPosition.TopCenter);
        return Style(chart, title, xTitle, yTitle);
    }

    private static GenericChart Style(GenericChart chart, string title, string xTitle, string yTitle) =>
        Plotly.NET.Chart.withTitle(title, FSharpOption<Font>.None).Invoke(chart)
            .WithXAxisStyle<double, double, string>(TitleText: xTitle)
            .WithYAxisStyle<double, double, string>(TitleText: yTitle)
            .WithSize(720, 420);
}
