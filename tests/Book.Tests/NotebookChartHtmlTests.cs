using RnnWorkbook.Display;
using Xunit.Abstractions;

namespace RnnWorkbook.Book.Tests;

/// <summary>
/// The text/html of chart outputs (what JupyterLab, the classic Notebook and nbconvert show) in a plain
/// browser with no network: plotly.js comes with the first chart only, with or without require.js on the page,
/// and with scripts off the box says why it is empty.
/// </summary>
public class NotebookChartHtmlTests(ITestOutputHelper log)
{
    private const string Figure = """{"data": [{"type": "scatter", "mode": "lines", "x": [1, 2, 3], "y": [1, 0.001, 1e-16]}], "layout": {"yaxis": {"type": "log", "exponentformat": "power"}}}""";

    // What require.js leaves on a page that matters to plotly's UMD header: a global AMD define.
    private const string RequireJsStandIn = "<script>window.define = function (deps, factory) { window.amdModules = (window.amdModules || 0) + 1; }; window.define.amd = {};</script>";

    private string? Page(string head, bool sanitized = false)
    {
        var chromium = BrowserCheck.FindChromium();
        if (chromium is null)
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") != "true", "Chromium is required in CI (apt-get install chromium)");
            log.WriteLine("Chromium is not installed: skipped.");
            return null;
        }

        AppContext.SetData(ChartHtml.PageKey, new object());
        var path = Path.Combine(Fixture.Folder(), "outputs.html");
        var outputs = ChartHtml.Render(Figure, "first") + "<p>text between</p>" + ChartHtml.Render(Figure, "second");
        if (sanitized)
        {
            // What JupyterLab's sanitizer does to an untrusted notebook's outputs: scripts are removed.
            outputs = System.Text.RegularExpressions.Regex.Replace(outputs, "<script.*?</script>", "", System.Text.RegularExpressions.RegexOptions.Singleline);
        }

        File.WriteAllText(path, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}</head><body>{outputs}</body></html>");
        var (dom, requests) = BrowserCheck.Load(chromium, path);
        Assert.Empty(requests);
        return dom;
    }

    private static string[] Boxes(string dom) =>
        [.. dom.Split("id=\"rnnworkbook-chart-").Skip(1).Select(part => part.Split("</script>")[0].Split("text between")[0])];

    [Fact]
    public void Charts_draw_offline_in_a_plain_page()
    {
        if (Page("") is not { } dom)
        {
            return;
        }

        Assert.All(Boxes(dom), box => Assert.Contains("<svg", box));
        Assert.Equal(2, Boxes(dom).Length);
    }

    [Fact]
    public void Charts_draw_offline_when_require_js_is_on_the_page()
    {
        if (Page(RequireJsStandIn) is not { } dom)
        {
            return;
        }

        Assert.All(Boxes(dom), box => Assert.Contains("<svg", box));
        Assert.Equal(2, Boxes(dom).Length);
    }

    [Fact]
    public void Where_scripts_cannot_run_each_box_says_why_it_is_empty()
    {
        if (Page("", sanitized: true) is not { } dom)
        {
            return;
        }

        Assert.Equal(2, Boxes(dom).Length);
        Assert.All(Boxes(dom), box =>
        {
            Assert.DoesNotContain("<svg", box);
            Assert.Contains("has not run here", box);
        });
    }
}
