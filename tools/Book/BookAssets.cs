using System.Diagnostics;

namespace RnnWorkbook.Book;

/// <summary>
/// The front-end files the book ships, all from pinned local sources: KaTeX and highlight.js from
/// <c>tools/Book/web/node_modules</c> (installed by <c>npm ci</c> from its package-lock.json, run here when
/// missing), plotly.js from the assembly (Plotly.NET's copy), and the book's own CSS and script.
/// </summary>
public sealed class BookAssets
{
    private BookAssets(string webFolder)
    {
        WebFolder = webFolder;
    }

    public string WebFolder { get; }

    private string Modules => Path.Combine(WebFolder, "node_modules");

    /// <summary>Finds tools/Book/web above the current folder or the tool, installing its npm packages if needed.</summary>
    public static BookAssets Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var web = Path.Combine(dir.FullName, "tools", "Book", "web");
                if (File.Exists(Path.Combine(web, "package-lock.json")))
                {
                    var assets = new BookAssets(web);
                    assets.EnsureInstalled();
                    return assets;
                }
            }
        }

        throw new BookException("tools/Book/web/package-lock.json not found: run the book from inside the repository.");
    }

    private void EnsureInstalled()
    {
        if (File.Exists(Path.Combine(Modules, "katex", "dist", "katex.min.js")) &&
            File.Exists(Path.Combine(Modules, "@highlightjs", "cdn-assets", "highlight.min.js")))
        {
            return;
        }

        var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = WebFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var npm = Process.Start(start)!;
            var log = npm.StandardOutput.ReadToEndAsync();
            var err = npm.StandardError.ReadToEnd();
            npm.WaitForExit();
            if (npm.ExitCode != 0)
            {
                throw new BookException($"`npm ci` in {WebFolder} failed ({npm.ExitCode}):\n{log.Result}{err}");
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BookException($"the book's KaTeX and highlight.js are not installed and npm is not on PATH: install Node.js, then run `npm ci` in {WebFolder}.");
        }
    }

    /// <summary>Copies every asset into <paramref name="assetsFolder"/>.</summary>
    public void CopyTo(string assetsFolder)
    {
        Directory.CreateDirectory(assetsFolder);
        File.WriteAllText(Path.Combine(assetsFolder, "plotly.min.js"), Display.PlotlyScript.Source);

        var katex = Path.Combine(Modules, "katex", "dist");
        var katexOut = Path.Combine(assetsFolder, "katex");
        Directory.CreateDirectory(Path.Combine(katexOut, "fonts"));
        foreach (var file in new[] { "katex.min.js", "katex.min.css" })
        {
            File.Copy(Path.Combine(katex, file), Path.Combine(katexOut, file));
        }

        foreach (var font in Directory.EnumerateFiles(Path.Combine(katex, "fonts"), "*.woff2"))
        {
            File.Copy(font, Path.Combine(katexOut, "fonts", Path.GetFileName(font)));
        }

        var highlight = Path.Combine(Modules, "@highlightjs", "cdn-assets");
        var highlightOut = Path.Combine(assetsFolder, "highlight");
        Directory.CreateDirectory(highlightOut);
        File.Copy(Path.Combine(highlight, "highlight.min.js"), Path.Combine(highlightOut, "highlight.min.js"));
        File.Copy(Path.Combine(highlight, "styles", "vs.min.css"), Path.Combine(highlightOut, "vs.min.css"));

        foreach (var file in new[] { "book.css", "book.js" })
        {
            File.Copy(Path.Combine(WebFolder, file), Path.Combine(assetsFolder, file));
        }
    }
}
