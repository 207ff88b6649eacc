using System.Text.Json.Nodes;

namespace RnnWorkbook.Display;

/// <summary>The figure behind <see cref="Charts.Heatmap"/>: cells at positions 0 … n − 1, labelled by tick text.</summary>
internal static class HeatmapFigure
{
    public static Chart Of(string title, IReadOnlyList<string> columnLabels, IReadOnlyList<string> rowLabels, double[,] values,
        string xTitle, string yTitle, string? cellFormat)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(columnLabels);
        ArgumentNullException.ThrowIfNull(rowLabels);
        ArgumentNullException.ThrowIfNull(values);
        if (values.GetLength(0) != rowLabels.Count || values.GetLength(1) != columnLabels.Count)
        {
            throw new ArgumentException(
                $"values: expected {rowLabels.Count} rows × {columnLabels.Count} columns (the labels), got {values.GetLength(0)} × {values.GetLength(1)}.", nameof(values));
        }

        var z = new JsonArray();
        for (int i = 0; i < values.GetLength(0); i++)
        {
            var row = new JsonArray();
            for (int j = 0; j < values.GetLength(1); j++)
            {
                row.Add(double.IsFinite(values[i, j]) ? JsonValue.Create(values[i, j]) : null);
            }

            z.Add(row);
        }

        var trace = new JsonObject
        {
            ["type"] = "heatmap",
            ["z"] = z,
            ["x"] = Positions(columnLabels.Count),
            ["y"] = Positions(rowLabels.Count),
            ["colorscale"] = "Blues",
            ["reversescale"] = true,
            ["hovertemplate"] = "%{z:.3f}<extra></extra>",
        };
        var layout = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = title },
            ["width"] = Math.Clamp(160 + 36 * columnLabels.Count, 360, 900),
            ["height"] = Math.Clamp(140 + 30 * rowLabels.Count, 300, 900),
            ["paper_bgcolor"] = "white",
            ["plot_bgcolor"] = "white",
            ["xaxis"] = Axis(xTitle, columnLabels, reversed: false),
            ["yaxis"] = Axis(yTitle, rowLabels, reversed: true),
        };
        if (cellFormat is not null)
        {
            var text = new JsonArray();
            for (int i = 0; i < values.GetLength(0); i++)
            {
                text.Add(new JsonArray([.. Enumerable.Range(0, values.GetLength(1))
                    .Select(j => (JsonNode?)JsonValue.Create(values[i, j].ToString(cellFormat, System.Globalization.CultureInfo.InvariantCulture)))]));
            }

            trace["text"] = text;
            trace["texttemplate"] = "%{text}";
        }

        return new Chart(new JsonObject { ["data"] = new JsonArray(trace), ["layout"] = layout });
    }

    private static JsonArray Positions(int count) => new([.. Enumerable.Range(0, count).Select(i => (JsonNode?)JsonValue.Create(i))]);

    private static JsonObject Axis(string title, IReadOnlyList<string> labels, bool reversed)
    {
        var axis = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = title ?? "" },
            ["tickmode"] = "array",
            ["tickvals"] = Positions(labels.Count),
            ["ticktext"] = new JsonArray([.. labels.Select(l => (JsonNode?)JsonValue.Create(l))]),
            ["showgrid"] = false,
        };
        if (reversed)
        {
            axis["autorange"] = "reversed";
        }

        return axis;
    }
}
