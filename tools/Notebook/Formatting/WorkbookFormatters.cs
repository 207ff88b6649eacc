using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using RnnWorkbook.Display;
using TorchSharp;

namespace RnnWorkbook.Notebook.Formatting;

/// <summary>
/// Formatters for the values the workbook shows: Plotly.NET and XPlot.Plotly charts (HTML that draws offline,
/// and Plotly's JSON MIME type that VS Code and JupyterLab render natively), TorchSharp tensors, and sequences
/// of records as tables. The library's own <c>RnnWorkbook.Display.Chart</c> needs nothing here: it carries its
/// formatters (they work the same under .NET Interactive).
/// </summary>
public static class WorkbookFormatters
{
    public const string PlotlyJson = "application/vnd.plotly.v1+json";

    private static bool s_registered;

    public static void EnsureRegistered()
    {
        lock (TableFormatter.RegistryLock)
        {
            if (s_registered)
            {
                return;
            }

            RegisterPlotlyNet();
            RegisterXPlot();
            RegisterTensors();
            TableFormatter.Register();
            s_registered = true;
        }
    }

    private static void RegisterPlotlyNet()
    {
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(PlotlyFigure.Html(GenericChart.toFigureJson(chart))), ValueFormatter.Html);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(GenericChart.toFigureJson(chart)), PlotlyJson);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write("Plotly.NET chart"), ValueFormatter.PlainText);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), ValueFormatter.Html, PlotlyJson);
    }

    private static void RegisterXPlot()
    {
        Formatter.Register<XPlot.Plotly.PlotlyChart>((chart, writer) => writer.Write(PlotlyFigure.Html(PlotlyFigure.FromXPlot(chart))), ValueFormatter.Html);
        Formatter.Register<XPlot.Plotly.PlotlyChart>((chart, writer) => writer.Write(PlotlyFigure.FromXPlot(chart)), PlotlyJson);
        Formatter.Register<XPlot.Plotly.PlotlyChart>((chart, writer) => writer.Write("XPlot.Plotly chart"), ValueFormatter.PlainText);
        Formatter.SetPreferredMimeTypesFor(typeof(XPlot.Plotly.PlotlyChart), ValueFormatter.Html, PlotlyJson);
    }

    private static void RegisterTensors()
    {
        Formatter.Register<torch.Tensor>((tensor, writer) => writer.Write(TensorText.Plain(tensor)), ValueFormatter.PlainText);
        Formatter.Register<torch.Tensor>((tensor, writer) => writer.Write(TensorText.Html(tensor)), ValueFormatter.Html);
        Formatter.SetPreferredMimeTypesFor(typeof(torch.Tensor), ValueFormatter.PlainText, ValueFormatter.Html);
    }
}
