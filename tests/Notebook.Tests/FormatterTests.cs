using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Formatting;
using TorchSharp;

namespace RnnWorkbook.Notebook.Tests;

public class FormatterTests
{
    [Fact]
    public void Every_value_gets_plain_text_and_html()
    {
        var bundle = ValueFormatter.Format(3.5);
        Assert.Equal("3.5", bundle.PlainText);
        Assert.Contains("3.5", bundle.Data["text/html"].GetValue<string>());
    }

    [Fact]
    public void Sequences_render_as_html_tables()
    {
        var html = ValueFormatter.Format(new[] { new { Word = "cat", Count = 3 } }).Data["text/html"].GetValue<string>();
        Assert.Contains("<table>", html);
        Assert.Contains("cat", html);
    }

    [Fact]
    public void Plotly_net_charts_carry_plotly_json_and_html()
    {
        var chart = Plotly.NET.CSharp.Chart.Line<int, int, string>(x: new[] { 1, 2, 3 }, y: new[] { 2, 4, 8 });
        var bundle = ValueFormatter.Format(chart);

        var figure = bundle.Data[WorkbookFormatters.PlotlyJson].AsObject();
        Assert.Equal("scatter", figure["data"]![0]!["type"]!.GetValue<string>());
        Assert.Equal([2, 4, 8], figure["data"]![0]!["y"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.Contains("Plotly.newPlot", bundle.Data["text/html"].GetValue<string>());
    }

    [Fact]
    public void Xplot_charts_carry_plotly_json_and_html()
    {
        var chart = XPlot.Plotly.Chart.Plot(new XPlot.Plotly.Bar { x = new[] { "a", "b" }, y = new[] { 1, 2 } });
        var bundle = ValueFormatter.Format(chart);

        var figure = bundle.Data[WorkbookFormatters.PlotlyJson].AsObject();
        Assert.Equal("bar", figure["data"]![0]!["type"]!.GetValue<string>());
        Assert.IsType<JsonObject>(figure["layout"]);
        Assert.Contains("Plotly.newPlot", bundle.Data["text/html"].GetValue<string>());
    }

    [Fact]
    public void Tensors_show_shape_dtype_summary_and_values()
    {
        using var tensor = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }).reshape(2, 3);
        var bundle = ValueFormatter.Format(tensor);

        var text = bundle.PlainText!;
        Assert.StartsWith("tensor float32 (2, 3) on cpu", text);
        Assert.Contains("min 1, max 6, mean 3.5", text);
        Assert.Contains("<td>6</td>", bundle.Data["text/html"].GetValue<string>());
    }

    [Fact]
    public void Large_tensors_show_a_summary_without_every_value()
    {
        using var tensor = torch.zeros(100, 100);
        var text = ValueFormatter.Format(tensor).PlainText!;
        Assert.Equal("tensor float32 (100, 100) on cpu\nmin 0, max 0, mean 0, std 0", text);
    }

    [Fact]
    public void Null_is_shown_as_null()
    {
        Assert.Equal("<null>", ValueFormatter.Format(null).PlainText);
    }
}
