using System.Globalization;
using System.Net;
using System.Text;
using TorchSharp;

namespace RnnWorkbook.Notebook.Formatting;

/// <summary>
/// How a TorchSharp tensor shows in a notebook: its shape and dtype first (what a learner checks most),
/// a summary of its values, and the values themselves when there are few enough to read.
/// </summary>
public static class TensorText
{
    private const int MaxShownElements = 64;

    public static string Plain(torch.Tensor tensor)
    {
        var text = new StringBuilder(Header(tensor));
        if (tensor.numel() > 0 && IsNumeric(tensor))
        {
            text.Append('\n').Append(Summary(tensor));
        }

        if (tensor.numel() <= MaxShownElements)
        {
            text.Append('\n').Append(tensor.ToString(TensorStringStyle.Numpy));
        }

        return text.ToString();
    }

    public static string Html(torch.Tensor tensor)
    {
        var html = new StringBuilder("<div><b>").Append(WebUtility.HtmlEncode(Header(tensor))).Append("</b>");
        if (tensor.numel() > 0 && IsNumeric(tensor))
        {
            html.Append("<br/><span>").Append(WebUtility.HtmlEncode(Summary(tensor))).Append("</span>");
        }

        if (tensor.numel() <= MaxShownElements && tensor.dim() <= 2 && IsNumeric(tensor))
        {
            html.Append(Table(tensor));
        }
        else if (tensor.numel() <= MaxShownElements)
        {
            html.Append("<pre>").Append(WebUtility.HtmlEncode(tensor.ToString(TensorStringStyle.Numpy))).Append("</pre>");
        }

        return html.Append("</div>").ToString();
    }

    private static string Header(torch.Tensor tensor) =>
        $"tensor {tensor.dtype.ToString().ToLowerInvariant()} ({string.Join(", ", tensor.shape)}) on {tensor.device}";

    private static string Summary(torch.Tensor tensor)
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        var values = tensor.detach().to(torch.float64);
        return string.Create(CultureInfo.InvariantCulture,
            $"min {values.min().item<double>():G6}, max {values.max().item<double>():G6}, " +
            $"mean {values.mean().item<double>():G6}, std {(values.numel() > 1 ? values.std().item<double>() : 0):G6}");
    }

    private static string Table(torch.Tensor tensor)
    {
        using var scope = torch.NewDisposeScope();
        var matrix = tensor.detach().to(torch.float64).reshape(tensor.dim() == 2 ? tensor.shape[0] : 1, -1);
        var rows = (int)matrix.shape[0];
        var columns = (int)matrix.shape[1];
        var values = matrix.data<double>().ToArray();
        var html = new StringBuilder("<table>");
        for (var r = 0; r < rows; r++)
        {
            html.Append("<tr>");
            for (var c = 0; c < columns; c++)
            {
                html.Append("<td>").Append(values[(r * columns) + c].ToString("G6", CultureInfo.InvariantCulture)).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</table>").ToString();
    }

    private static bool IsNumeric(torch.Tensor tensor) => tensor.dtype != torch.ScalarType.Bool;
}
