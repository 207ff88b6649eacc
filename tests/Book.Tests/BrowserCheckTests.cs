using Xunit.Abstractions;

namespace RnnWorkbook.Book.Tests;

/// <summary>The book in a real browser: Debian's headless Chromium, no network.</summary>
public class BrowserCheckTests(ITestOutputHelper log)
{
    private static readonly BookAssets s_assets = BookAssets.Locate();

    private bool HaveChromium()
    {
        if (BrowserCheck.FindChromium() is not null)
        {
            return true;
        }

        // CI installs Chromium (.ci/run); there its absence is a failure, on a developer's machine a note.
        Assert.True(Environment.GetEnvironmentVariable("CI") != "true", "Chromium is required in CI (apt-get install chromium)");
        log.WriteLine("Chromium is not installed (apt-get install chromium): the browser check did not run.");
        return false;
    }

    [Fact]
    public void Every_chart_draws_every_equation_is_typeset_and_no_request_leaves_the_machine()
    {
        if (!HaveChromium())
        {
            return;
        }

        var output = Path.Combine(Fixture.Folder(), "book");
        new BookBuilder(s_assets).Build(Fixture.Chapters(), output);

        var report = BrowserCheck.Run(output);
        foreach (var page in report.Pages)
        {
            log.WriteLine($"{page.Name}: {page.ChartsDrawn}/{page.Charts} charts, {page.Equations} equations, problems: {string.Join("; ", page.Problems)}");
        }

        Assert.Equal(["00-first.html", "01-second.html", "index.html"], report.Pages.Select(p => p.Name));
        Assert.Equal([1, 1, 0], report.Pages.Select(p => p.ChartsDrawn));
        Assert.Equal([2, 1, 0], report.Pages.Select(p => p.Equations));
        Assert.Empty(report.Requests);
        Assert.True(report.Passed);
    }

    [Fact]
    public void A_page_without_plotly_js_says_so_in_words_and_fails_the_check()
    {
        if (!HaveChromium())
        {
            return;
        }

        var output = Path.Combine(Fixture.Folder(), "book");
        new BookBuilder(s_assets).Build(Fixture.Chapters(), output);
        File.Delete(Path.Combine(output, "assets", "plotly.min.js"));

        var first = BrowserCheck.Run(output).Pages.Single(p => p.Name == "00-first.html");

        Assert.Equal(0, first.ChartsDrawn);
        Assert.Equal(1, first.Charts);
        Assert.Contains(first.Problems, p => p.Contains("plotly.js (assets/plotly.min.js) did not load", StringComparison.Ordinal));
        Assert.False(first.Passed);
    }

    [Fact]
    public void Untypeset_tex_a_tex_error_and_an_outside_request_are_each_reported()
    {
        if (!HaveChromium())
        {
            return;
        }

        var output = Path.Combine(Fixture.Folder(), "book");
        new BookBuilder(s_assets).Build(Fixture.Chapters(), output);
        var page = Path.Combine(output, "01-second.html");
        File.WriteAllText(page, File.ReadAllText(page).Replace("<main>", "<main><p>left as \\(x\\) and $$y$$</p><p><span class=\"math\">\\(\\frac{1}{\\)</span></p><img alt=\"\" src=\"http://example.invalid/pixel.png\">"));

        var report = BrowserCheck.Run(output);
        var second = report.Pages.Single(p => p.Name == "01-second.html");

        Assert.Equal(3, second.Untypeset.Count); // one \( and two $$
        Assert.Equal(1, second.MathErrors);
        Assert.Contains(second.Problems, p => p.StartsWith("KaTeX rejected an equation", StringComparison.Ordinal));
        Assert.Equal(["01-second.html: http://example.invalid/pixel.png"], report.Requests);
        Assert.False(report.Passed);
    }
}
