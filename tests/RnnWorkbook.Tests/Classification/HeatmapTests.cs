using RnnWorkbook.Display;

namespace RnnWorkbook.Tests.Classification;

/// <summary>The confusion-matrix heatmap the chapter draws.</summary>
public class HeatmapTests
{
    [Fact]
    public void A_heatmap_keeps_rows_in_order_with_the_first_at_the_top_and_labels_each_cell()
    {
        var chart = Charts.Heatmap("confusion", ["a", "b"], ["x", "y"], new double[,] { { 1, 2 }, { 3, 4 } }, "predicted", "true", cellFormat: "G4");
        var figure = chart.ToFigure();
        var trace = figure["data"]![0]!;
        Assert.Equal("heatmap", trace["type"]!.GetValue<string>());
        Assert.Equal("[[1,2],[3,4]]", trace["z"]!.ToJsonString());
        Assert.Equal("[[\"1\",\"2\"],[\"3\",\"4\"]]", trace["text"]!.ToJsonString());
        Assert.Equal("reversed", figure["layout"]!["yaxis"]!["autorange"]!.GetValue<string>());
    }

    [Fact]
    public void Labels_that_do_not_match_the_matrix_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Charts.Heatmap("t", ["a"], ["x", "y"], new double[2, 2]));
        Assert.Contains("expected 2 rows × 1 columns (the labels), got 2 × 2", error.Message);
        Assert.Equal("values", error.ParamName);
    }
}
