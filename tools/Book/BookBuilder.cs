using System.Text;

namespace RnnWorkbook.Book;

/// <summary>One rendered chapter: its page, title and second-level sections (for the contents).</summary>
public sealed record Chapter(string Page, string Title, IReadOnlyList<(string Id, string Title)> Sections, string Body, int Charts, int Equations);

public sealed record BuiltBook(IReadOnlyList<Chapter> Chapters)
{
    public int Charts => Chapters.Sum(c => c.Charts);

    public int Equations => Chapters.Sum(c => c.Equations);
}

/// <summary>
/// Renders a folder of executed notebooks to a static site: a contents page, one page per chapter with
/// previous/next links and the contents beside it, and the assets. The site is written to a temporary folder
/// next to the output and moved into place, so a failed build leaves the previous book as it was.
/// </summary>
public sealed class BookBuilder(BookAssets assets)
{
    public const string BookTitle = "RnnWorkbook";

    public BuiltBook Build(string notebooksFolder, string outputFolder)
    {
        if (!Directory.Exists(notebooksFolder))
        {
            throw new BookException($"{notebooksFolder} does not exist: run the chapters first (dotnet run --project tools/Notebook -c Release -- run notebooks --output artifacts/notebooks).");
        }

        var files = Directory.EnumerateFiles(notebooksFolder, "*.ipynb").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new BookException($"{notebooksFolder} holds no .ipynb files.");
        }

        var renderer = new PageRenderer();
        var chapters = files.Select(f => renderer.Render(NotebookFile.Read(f), Path.GetFileNameWithoutExtension(f) + ".html")).ToArray();

        var parent = Path.GetDirectoryName(Path.GetFullPath(outputFolder))!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(outputFolder)}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(temp);
            assets.CopyTo(Path.Combine(temp, "assets"));
            File.WriteAllText(Path.Combine(temp, "index.html"), Layout(BookTitle, ContentsPage(chapters), chapters, current: -1));
            for (int i = 0; i < chapters.Length; i++)
            {
                File.WriteAllText(Path.Combine(temp, chapters[i].Page), Layout($"{chapters[i].Title} · {BookTitle}", ChapterPage(chapters, i), chapters, i));
            }

            MoveIntoPlace(temp, outputFolder);
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }

        return new BuiltBook(chapters);
    }

    private static void MoveIntoPlace(string temp, string outputFolder)
    {
        string? old = null;
        if (Directory.Exists(outputFolder))
        {
            old = outputFolder.TrimEnd(Path.DirectorySeparatorChar) + $".old-{Guid.NewGuid():N}";
            Directory.Move(outputFolder, old);
        }

        Directory.Move(temp, outputFolder);
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }

    private static string ContentsPage(Chapter[] chapters)
    {
        var html = new StringBuilder();
        html.Append($"<h1>{BookTitle}</h1>\n<p class=\"lead\">How text becomes numbers and how recurrent networks learn from it, in C#: ");
        html.Append("the chapters as they ran, with their outputs, charts and equations. Each chapter is a notebook in <code>notebooks/</code>.</p>\n");
        html.Append("<h2>Contents</h2>\n<ol class=\"contents\">\n");
        foreach (var chapter in chapters)
        {
            html.Append($"<li><a href=\"{chapter.Page}\">{Html.Encode(chapter.Title)}</a>");
            if (chapter.Sections.Count > 0)
            {
                html.Append("<ul>");
                foreach (var (id, title) in chapter.Sections)
                {
                    html.Append($"<li><a href=\"{chapter.Page}#{id}\">{title}</a></li>");
                }

                html.Append("</ul>");
            }

            html.Append("</li>\n");
        }

        return html.Append("</ol>\n").ToString();
    }

    private static string ChapterPage(Chapter[] chapters, int i)
    {
        var nav = new StringBuilder("<nav class=\"pager\">");
        nav.Append(i > 0 ? $"<a class=\"previous\" href=\"{chapters[i - 1].Page}\">← {Html.Encode(chapters[i - 1].Title)}</a>" : "<a class=\"previous\" href=\"index.html\">← Contents</a>");
        nav.Append(i + 1 < chapters.Length ? $"<a class=\"next\" href=\"{chapters[i + 1].Page}\">{Html.Encode(chapters[i + 1].Title)} →</a>" : "<a class=\"next\" href=\"index.html\">Contents →</a>");
        nav.Append("</nav>\n");
        return nav + chapters[i].Body + nav;
    }

    private static string Layout(string title, string main, Chapter[] chapters, int current)
    {
        var side = new StringBuilder($"<a class=\"book-title\" href=\"index.html\">{BookTitle}</a>\n<ol>\n");
        for (int i = 0; i < chapters.Length; i++)
        {
            side.Append(i == current ? "<li class=\"current\">" : "<li>");
            side.Append($"<a href=\"{chapters[i].Page}\">{Html.Encode(chapters[i].Title)}</a>");
            if (i == current && chapters[i].Sections.Count > 0)
            {
                side.Append("<ul>");
                foreach (var (id, sectionTitle) in chapters[i].Sections)
                {
                    side.Append($"<li><a href=\"#{id}\">{sectionTitle}</a></li>");
                }

                side.Append("</ul>");
            }

            side.Append("</li>\n");
        }

        side.Append("</ol>\n");
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Html.Encode(title)}}</title>
            <link rel="stylesheet" href="assets/katex/katex.min.css">
            <link rel="stylesheet" href="assets/highlight/vs.min.css">
            <link rel="stylesheet" href="assets/book.css">
            </head>
            <body>
            <noscript><p class="banner">JavaScript is off: equations are shown as TeX and charts are not drawn. Everything else reads as it is.</p></noscript>
            <p class="banner" id="asset-problems" hidden></p>
            <aside class="sidebar">
            {{side}}</aside>
            <main>
            {{main}}
            </main>
            <script src="assets/katex/katex.min.js"></script>
            <script src="assets/highlight/highlight.min.js"></script>
            <script src="assets/plotly.min.js"></script>
            <script src="assets/book.js"></script>
            </body>
            </html>
            """;
    }
}
