using System.Text.RegularExpressions;

namespace RnnWorkbook.Book.Tests;

public class BookBuildTests
{
    private static readonly BookAssets s_assets = BookAssets.Locate();

    [Fact]
    public void Build_writes_a_contents_page_chapters_with_navigation_and_the_assets()
    {
        var output = Path.Combine(Fixture.Folder(), "book");
        var book = new BookBuilder(s_assets).Build(Fixture.Chapters(), output);

        Assert.Equal(["00 · First chapter", "01 · Second chapter"], book.Chapters.Select(c => c.Title));
        Assert.Equal(2, book.Charts);
        Assert.Equal(3, book.Equations);

        var index = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Contains("<a href=\"00-first.html\">00 · First chapter</a>", index);
        Assert.Contains("<a href=\"00-first.html#a-section\">A section</a>", index);

        var first = File.ReadAllText(Path.Combine(output, "00-first.html"));
        Assert.Contains("<a class=\"next\" href=\"01-second.html\">01 · Second chapter →</a>", first);
        Assert.Contains("<span class=\"math\">\\(a_i = \\sum_j b_{ij}\\)</span>", first);
        Assert.Contains("<span class=\"math display\">", first);
        Assert.Contains("<code class=\"language-csharp\">Charts.Lines(", first);
        Assert.Contains("<td style=\"text-align: right\">6287</td>", first);
        Assert.Contains("<details><summary>Solution</summary>", first);
        Assert.Contains("id=\"00-first-chart-1-figure\"", first);
        Assert.DoesNotContain("HTML fallback that the book must not use", first);

        foreach (var asset in new[] { "plotly.min.js", "katex/katex.min.js", "katex/katex.min.css", "highlight/highlight.min.js", "book.js", "book.css" })
        {
            Assert.True(File.Exists(Path.Combine(output, "assets", asset)), asset);
        }

        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(output, "assets", "katex", "fonts"), "*.woff2"));
        foreach (var page in Directory.EnumerateFiles(output, "*.html"))
        {
            // Every script and stylesheet is the book's own file: nothing is fetched from elsewhere.
            Assert.DoesNotMatch(new Regex("""(src|href)="(https?:)?//"""), File.ReadAllText(page));
        }
    }

    [Fact]
    public void A_new_build_replaces_the_old_book_and_leaves_no_temporary_folder()
    {
        var root = Fixture.Folder();
        var output = Path.Combine(root, "book");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "stale.html"), "old");

        new BookBuilder(s_assets).Build(Fixture.Chapters(), output);

        Assert.False(File.Exists(Path.Combine(output, "stale.html")));
        Assert.Equal(["book"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_book_as_it_was()
    {
        var root = Fixture.Folder();
        var output = Path.Combine(root, "book");
        new BookBuilder(s_assets).Build(Fixture.Chapters(), output);
        var before = File.ReadAllText(Path.Combine(output, "00-first.html"));

        var broken = Fixture.Folder();
        File.WriteAllText(Path.Combine(broken, "00-broken.ipynb"), "{ not json");
        var error = Assert.Throws<BookException>(() => new BookBuilder(s_assets).Build(broken, output));

        Assert.Contains("00-broken.ipynb is not valid JSON", error.Message);
        Assert.Equal(before, File.ReadAllText(Path.Combine(output, "00-first.html")));
        Assert.Equal(["book"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_notebook_folder_names_the_command_that_makes_it()
    {
        var error = Assert.Throws<BookException>(() => new BookBuilder(s_assets).Build(Path.Combine(Fixture.Folder(), "none"), Path.Combine(Fixture.Folder(), "book")));
        Assert.Contains("run notebooks --output artifacts/notebooks", error.Message);
    }
}

public class PageRendererTests
{
    [Fact]
    public void A_plotly_figure_stored_as_a_string_as_dotnet_interactive_writes_it_is_drawn_too()
    {
        var output = Fixture.Result(new System.Text.Json.Nodes.JsonObject
        {
            ["application/vnd.plotly.v1+json"] = """{"data": [{"type": "bar", "x": ["a"], "y": [1]}], "layout": {"title": {"text": "from a string"}}}""",
        });
        var notebook = new NotebookFile("x.ipynb", [NotebookCell.From(Fixture.Code("chart", output))]);

        var chapter = new PageRenderer().Render(notebook, "x.html");

        Assert.Equal(1, chapter.Charts);
        Assert.Contains("aria-label=\"from a string\"", chapter.Body);
        Assert.Contains("<script type=\"application/json\" id=\"x-chart-1-figure\">{\"data\":[{\"type\":\"bar\"", chapter.Body);
    }

    [Fact]
    public void A_figure_that_is_not_json_becomes_a_box_that_says_so_and_does_not_stop_the_book()
    {
        var output = Fixture.Result(new System.Text.Json.Nodes.JsonObject { ["application/vnd.plotly.v1+json"] = "{ broken" });
        var chapter = new PageRenderer().Render(new NotebookFile("x.ipynb", [NotebookCell.From(Fixture.Code("chart", output))]), "x.html");

        Assert.Contains("id=\"x-chart-1\"", chapter.Body);
        Assert.Contains("is not valid JSON", chapter.Body);
        Assert.Equal(0, BrowserCheck.Inspect("x.html", chapter.Body + "data-book-ready=\"true\"").ChartsDrawn);
        Assert.False(BrowserCheck.Inspect("x.html", chapter.Body + "data-book-ready=\"true\"").Passed);
    }
}

public class HtmlOutputTests
{
    [Fact]
    public void Scripts_in_html_outputs_are_left_out_of_the_offline_book()
    {
        var output = Fixture.Result(new System.Text.Json.Nodes.JsonObject
        {
            ["text/html"] = "<div><script src=\"https://cdn.example.org/require.js\"></script><script>load()</script></div><table><tr><td>kept</td></tr></table>",
        });
        var body = new PageRenderer().Render(new NotebookFile("x.ipynb", [NotebookCell.From(Fixture.Code("x", output))]), "x.html").Body;

        Assert.DoesNotContain("<script", body);
        Assert.Contains("<td>kept</td>", body);
    }
}
