namespace RnnWorkbook.Display;

/// <summary>
/// The plotly.js the library draws charts with, carried inside the assembly (extracted at build time from
/// Plotly.NET 6.0.0's assembly, see build/FrontEnd/PlotlyJs.targets), so charts draw with no network.
/// </summary>
internal static class PlotlyScript
{
    public const string Version = "2.28.0";

    private static readonly Lazy<string> s_source = new(() =>
    {
        using var stream = typeof(PlotlyScript).Assembly.GetManifestResourceStream("RnnWorkbook.Display.plotly.min.js")
            ?? throw new InvalidOperationException("plotly.js is missing from RnnWorkbook.dll; rebuild the library.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>plotly.min.js itself.</summary>
    public static string Source => s_source.Value;

    /// <summary>
    /// plotly.js wrapped so that it defines <c>window.Plotly</c> whether or not require.js is on the page
    /// (classic Jupyter has it; plotly's UMD header would register an AMD module instead of the global),
    /// and safe inside an inline <c>&lt;script&gt;</c>.
    /// </summary>
    public static string GlobalSource =>
        "(function (define, module, exports) {\n" + Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) + "\n}).call(window);";
}
