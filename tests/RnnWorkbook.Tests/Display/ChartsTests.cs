using System.Text.Json.Nodes;
using Plotly.NET;
using RnnWorkbook.Display;

namespace RnnWorkbook.Tests.Display;

public class ChartsTests
{
    private static JsonNode Figure(GenericChart chart) => JsonNode.Parse(GenericChart.toFigureJson(chart))!;

    [Fact]
    public void Lines_draws_one_trace_per_series_with_its_points_and_titles()
    {
        var chart = Charts.Lines("loss", "epoch", "cross-entropy",
            Series.Of("train", [3.0, 2.0, 1.5]),
            new Series("held-out", [1, 2, 3], [3.2, 2.4, 2.1]));

        var figure = Figure(chart);
        var data = figure["data"]!.AsArray();
        Assert.Equal(["train", "held-out"], data.Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal([1.0, 2.0, 3.0], data[0]!["x"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal([3.2, 2.4, 2.1], data[1]!["y"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal("loss", figure["layout"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("epoch", figure["layout"]!["xaxis"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void LogLog_makes_both_axes_logarithmic()
    {
        var layout = Figure(Charts.LogLog("Zipf", "rank", "frequency", Series.Of("words", [100.0, 50, 33])))["layout"]!;
        Assert.Equal("log", layout["xaxis"]!["type"]!.GetValue<string>());
        Assert.Equal("log", layout["yaxis"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void LogY_makes_only_the_y_axis_logarithmic()
    {
        var layout = Figure(Charts.LogY("norms", "steps back", "norm", Series.Of("rho 0.5", [1.0, 0.5, 0.25])))["layout"]!;
        Assert.Equal("log", layout["yaxis"]!["type"]!.GetValue<string>());
        Assert.Equal("norm", layout["yaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Null(layout["xaxis"]!["type"]);
    }

    [Fact]
    public void Bars_keep_label_order()
    {
        var trace = Figure(Charts.Bars("top words", ["the", "and"], [10.0, 7.0]))["data"]![0]!;
        Assert.Equal("bar", trace["type"]!.GetValue<string>());
        Assert.Equal(["the", "and"], trace["x"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void Mismatched_lengths_name_the_argument_and_the_counts()
    {
        var series = Assert.Throws<ArgumentException>(() => new Series("s", [1.0, 2.0], [1.0]));
        Assert.Equal("y", series.ParamName);
        Assert.Contains("x has 2 points but y has 1", series.Message);

        var bars = Assert.Throws<ArgumentException>(() => Charts.Bars("t", ["a"], [1.0, 2.0]));
        Assert.Equal("values", bars.ParamName);
        Assert.Throws<ArgumentException>(() => Charts.Lines("t", "x", "y"));
    }
}
