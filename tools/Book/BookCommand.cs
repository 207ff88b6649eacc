using System.Diagnostics;

namespace RnnWorkbook.Book;

/// <summary>
/// <c>book build [NOTEBOOKS] [--output DIR]</c> renders executed notebooks to a static site;
/// <c>book check DIR</c> opens every page in headless Chromium and reports what did not draw.
/// </summary>
public static class BookCommand
{
    public const string Usage = """
        usage:
          book build [NOTEBOOKS] [--output DIR]   executed notebooks (default artifacts/notebooks) -> a static site (default artifacts/book)
          book check [DIR]                        open every page in headless Chromium (no network): charts drawn, equations typeset, no request out
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return args switch
            {
                ["build", .. var rest] => Build(rest, output),
                ["check", .. var rest] => Check(rest, output, error),
                _ => Fail(error, Usage),
            };
        }
        catch (BookException e)
        {
            error.WriteLine($"book: {e.Message}");
            return 1;
        }
    }

    private static int Build(string[] args, TextWriter output)
    {
        var (input, outputDir) = ParseBuild(args);
        var stopwatch = Stopwatch.StartNew();
        var book = new BookBuilder(BookAssets.Locate()).Build(input, outputDir);
        output.WriteLine($"book: {book.Chapters.Count} chapters, {book.Charts} charts, {book.Equations} equations -> {Path.Combine(outputDir, "index.html")} in {stopwatch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static int Check(string[] args, TextWriter output, TextWriter error)
    {
        var dir = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine("artifacts", "book"));
        var report = BrowserCheck.Run(dir);
        foreach (var page in report.Pages)
        {
            output.WriteLine($"{(page.Passed ? "✓" : "✗")} {page.Name}: {page.ChartsDrawn}/{page.Charts} charts drawn, {page.Equations} equations typeset, " +
                             $"{page.Untypeset.Count} untypeset, {page.MathErrors} TeX errors");
            foreach (var problem in page.Problems)
            {
                output.WriteLine($"    {problem}");
            }
        }

        foreach (var request in report.Requests)
        {
            error.WriteLine($"request left the machine: {request}");
        }

        output.WriteLine($"book check: {report.Pages.Count(p => p.Passed)} pages passed, {report.Pages.Count(p => !p.Passed)} failed; " +
                         $"{report.Pages.Sum(p => p.ChartsDrawn)}/{report.Pages.Sum(p => p.Charts)} charts drawn; {report.Requests.Count} outside requests");
        return report.Passed ? 0 : 1;
    }

    private static (string Input, string Output) ParseBuild(string[] args)
    {
        string? input = null;
        string? outputDir = null;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "--output" or "-o")
            {
                outputDir = i + 1 < args.Length ? args[++i] : throw new BookException("--output needs a folder.");
            }
            else if (input is null)
            {
                input = args[i];
            }
            else
            {
                throw new BookException($"unexpected argument '{args[i]}'.\n{Usage}");
            }
        }

        return (Path.GetFullPath(input ?? Path.Combine("artifacts", "notebooks")), Path.GetFullPath(outputDir ?? Path.Combine("artifacts", "book")));
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }
}

public sealed class BookException(string message) : Exception(message);
