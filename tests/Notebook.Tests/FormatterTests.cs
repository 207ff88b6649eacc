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

    private static string Html(object value) => ValueFormatter.Format(value).Data["text/html"].GetValue<string>();

    private sealed record Frequency(string Word, int Count, double Share);

    [Fact]
    public void Sequences_of_anonymous_objects_render_as_tables_with_headers_and_aligned_cells()
    {
        var html = Html(new[] { new { Word = "cat", Count = 3 }, new { Word = "dog", Count = 12 } });
        Assert.StartsWith("<table class=\"rnnworkbook-table\"><thead><tr><th style=\"text-align: left\">Word</th><th style=\"text-align: right\">Count</th></tr></thead>", html);
        Assert.Contains("<tr><td style=\"text-align: left\">dog</td><td style=\"text-align: right\">12</td></tr>", html);
        Assert.DoesNotContain("<details", html);
    }

    [Fact]
    public void Records_tuples_and_object_typed_sequences_render_as_tables()
    {
        Assert.Contains("<th style=\"text-align: right\">Share</th>", Html(new List<Frequency> { new("the", 10, 0.5) }));
        Assert.Contains("<td style=\"text-align: right\">0.5</td>", Html(new List<Frequency> { new("the", 10, 0.5) }));
        Assert.Contains("<th style=\"text-align: left\">Item1</th><th style=\"text-align: right\">Item2</th>", Html(new[] { ("the", 10) }));
        IEnumerable<object> rows = [new { Step = 1, Shape = "(2, 3)" }, new { Step = 2, Shape = "(2, 4)" }];
        var html = Html(rows.Select(r => r));
        Assert.Contains("<th style=\"text-align: right\">Step</th><th style=\"text-align: left\">Shape</th>", html);
        Assert.Equal(2, html.Split("<tr><td").Length - 1);
    }

    [Fact]
    public void A_column_with_text_is_left_aligned_and_missing_values_are_empty()
    {
        var html = Html(new object[] { new Frequency("a", 1, 0.1), new { Word = "b", Note = (string?)null } });
        Assert.Contains("<th style=\"text-align: left\">Note</th>", html);
        Assert.Contains("<td style=\"text-align: left\"></td>", html);
    }

    [Fact]
    public void Long_sequences_show_the_first_hundred_rows_and_say_so()
    {
        var html = Html(Enumerable.Range(0, 250).Select(i => new { I = i }).ToList());
        Assert.Equal(100, html.Split("<tr><td").Length - 1);
        Assert.Contains("(the first 100 rows of 250)", html);
    }

    [Fact]
    public void Sequences_of_plain_values_keep_the_formatter_view()
    {
        var html = Html(new[] { 1, 2, 3 });
        Assert.DoesNotContain("rnnworkbook-table", html);
        Assert.Contains("[ 1, 2, 3 ]", html);
        Assert.Equal("hello", ValueFormatter.Format("hello").PlainText);
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>hello</pre></div>", Html("hello"));
    }

    [Fact]
    public void Plotly_net_charts_carry_plotly_json_and_html()
    {
        var chart = Plotly.NET.CSharp.Chart.Line<int, int, string>(x: new[] { 1, 2, 3 }, y: new[] { 2, 4, 8 });
        var bundle = ValueFormatter.Format(chart);

        var figure = bundle.Data[WorkbookFormatters.PlotlyJson].AsObject();
        Assert.Equal("scatter", figure["data"]![0]!["type"]!.GetValue<string>());
        Assert.Equal([2, 4, 8], figure["data"]![0]!["y"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.Contains("newPlot", bundle.Data["text/html"].GetValue<string>());
    }

    [Fact]
    public void Xplot_charts_carry_plotly_json_and_html()
    {
        var chart = XPlot.Plotly.Chart.Plot(new XPlot.Plotly.Bar { x = new[] { "a", "b" }, y = new[] { 1, 2 } });
        var bundle = ValueFormatter.Format(chart);

        var figure = bundle.Data[WorkbookFormatters.PlotlyJson].AsObject();
        Assert.Equal("bar", figure["data"]![0]!["type"]!.GetValue<string>());
        Assert.IsType<JsonObject>(figure["layout"]);
        Assert.Contains("newPlot", bundle.Data["text/html"].GetValue<string>());
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
