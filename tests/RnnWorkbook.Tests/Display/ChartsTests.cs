using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using RnnWorkbook.Display;

namespace RnnWorkbook.Tests.Display;

public class ChartsTests
{
    private static JsonNode Figure(Chart chart) => JsonNode.Parse(chart.ToFigureJson())!;

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
        Assert.Equal("lines+markers", data[0]!["mode"]!.GetValue<string>());
        Assert.Equal("loss", figure["layout"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("epoch", figure["layout"]!["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal("loss", chart.Title);
    }

    [Fact]
    public void LogLog_makes_both_axes_logarithmic_with_power_labels()
    {
        var layout = Figure(Charts.LogLog("Zipf", "rank", "frequency", Series.Of("words", [100.0, 50, 33])))["layout"]!;
        Assert.Equal("log", layout["xaxis"]!["type"]!.GetValue<string>());
        Assert.Equal("log", layout["yaxis"]!["type"]!.GetValue<string>());
        // One exponent format everywhere (10⁻⁸), never SI prefixes such as "10n" beside it.
        Assert.Equal("power", layout["xaxis"]!["exponentformat"]!.GetValue<string>());
        Assert.Equal("power", layout["yaxis"]!["exponentformat"]!.GetValue<string>());
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
    public void WithLogX_returns_a_new_chart_and_leaves_the_original()
    {
        var linear = Charts.Lines("oov", "|V|", "rate", Series.Of("bpe", [0.0, 0.0]));
        var log = linear.WithLogX();
        Assert.Equal("log", Figure(log)["layout"]!["xaxis"]!["type"]!.GetValue<string>());
        Assert.Null(Figure(linear)["layout"]!["xaxis"]!["type"]);
        Assert.Equal("log", Figure(Charts.LogX("oov", "|V|", "rate", Series.Of("bpe", [1.0])))["layout"]!["xaxis"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Series_get_distinct_colours_from_the_palette()
    {
        var colours = Figure(Charts.Lines("t", "x", "y", Series.Of("a", [1.0])))["layout"]!["colorway"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray();
        Assert.Equal(10, colours.Distinct().Count());
        Assert.Equal(Charts.Palette, colours);
    }

    [Fact]
    public void Non_finite_values_become_gaps_instead_of_invalid_json()
    {
        var y = Figure(Charts.LogY("diverged", "step", "loss", Series.Of("loss", [2.0, double.NaN, double.PositiveInfinity])))["data"]![0]!["y"]!.AsArray();
        Assert.Equal(2.0, y[0]!.GetValue<double>());
        Assert.Null(y[1]);
        Assert.Null(y[2]);
    }

    [Fact]
    public void Scatter_draws_markers_only()
    {
        var trace = Figure(Charts.Scatter("data", "x", "y", new Series("points", [1.0, 2.0], [3.0, 4.0])))["data"]![0]!;
        Assert.Equal("markers", trace["mode"]!.GetValue<string>());
    }

    [Fact]
    public void Labelled_scatter_shows_each_label_at_its_point()
    {
        var trace = Figure(Charts.Scatter("words", ["king", "queen"], [1.0, 2.0], [0.5, 0.25]))["data"]![0]!;
        Assert.Equal("markers+text", trace["mode"]!.GetValue<string>());
        Assert.Equal(["king", "queen"], trace["text"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal([0.5, 0.25], trace["y"]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Throws<ArgumentException>(() => Charts.Scatter("w", ["a"], [1.0, 2.0], [1.0, 2.0]));
    }

    [Fact]
    public void Bars_keep_label_order()
    {
        var trace = Figure(Charts.Bars("top words", ["the", "and"], [10.0, 7.0]))["data"]![0]!;
        Assert.Equal("bar", trace["type"]!.GetValue<string>());
        Assert.Equal(["the", "and"], trace["x"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void Charts_format_as_plotly_json_and_offline_html_through_the_interactive_formatter()
    {
        var chart = Charts.Lines("loss </script>", "step", "loss", Series.Of("loss", [1.0, 0.5]));

        Assert.Equal(["text/html", "application/vnd.plotly.v1+json"], Formatter.GetPreferredMimeTypesFor(typeof(Chart)));
        var json = JsonNode.Parse(chart.ToDisplayString("application/vnd.plotly.v1+json"))!;
        Assert.Equal([1.0, 0.5], json["data"]![0]!["y"]!.AsArray().Select(v => v!.GetValue<double>()));

        AppContext.SetData("RnnWorkbook.Display.Page", new object());
        var first = chart.ToDisplayString("text/html");
        var second = chart.ToDisplayString("text/html");
        Assert.Contains("plotly.js v2.28.0", first);
        Assert.DoesNotContain("plotly.js v2.28.0", second);
        Assert.DoesNotContain("<script src", first, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cdn.plot.ly", second, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("has not run here", second);
        Assert.DoesNotContain("loss </script>", second);
        Assert.Equal("chart \"loss </script>\" (1 traces)", chart.ToDisplayString("text/plain"));
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
