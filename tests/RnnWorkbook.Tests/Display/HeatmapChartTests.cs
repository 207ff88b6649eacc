using System.Text.Json.Nodes;
using RnnWorkbook.Display;

namespace RnnWorkbook.Tests.Display;

public class HeatmapChartTests
{
    [Fact]
    public void A_heatmap_keeps_rows_as_given_top_row_first_and_refuses_a_shape_that_does_not_match_its_labels()
    {
        var chart = Charts.Heatmap("confusion", ["N", "V", "A"], ["gold N", "gold V"], new double[,] { { 1, 2, 3 }, { 4, 5, double.NaN } });
        var figure = JsonNode.Parse(chart.ToFigureJson())!;
        var trace = figure["data"]![0]!;

        Assert.Equal("heatmap", trace["type"]!.GetValue<string>());
        Assert.Equal(2.0, trace["z"]![0]![1]!.GetValue<double>());
        Assert.Null(trace["z"]![1]![2]);
        Assert.Equal("gold V", trace["y"]![1]!.GetValue<string>());
        Assert.Equal("reversed", figure["layout"]!["yaxis"]!["autorange"]!.GetValue<string>());
        Assert.Contains("2 × 3", Assert.Throws<ArgumentException>(() => Charts.Heatmap("t", ["a"], ["b", "c"], new double[2, 3])).Message);
    }
}
