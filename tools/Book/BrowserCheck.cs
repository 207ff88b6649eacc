using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RnnWorkbook.Book;

public sealed record PageCheck(string Name, int Charts, int ChartsDrawn, int Equations, IReadOnlyList<string> Untypeset, int MathErrors, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;
}

public sealed record BookCheck(IReadOnlyList<PageCheck> Pages, IReadOnlyList<string> Requests)
{
    public bool Passed => Pages.Count > 0 && Pages.All(p => p.Passed) && Requests.Count == 0;
}

/// <summary>
/// Opens every page of a built book in Debian's headless Chromium with no network and reads back the page as
/// the scripts left it: every chart box must hold an SVG, no TeX delimiter may be left outside code, KaTeX
/// must have accepted every equation, and Chromium's network log must show no request that left the machine.
/// </summary>
public static partial class BrowserCheck
{
    public static string? FindChromium() =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    public static BookCheck Run(string bookFolder)
    {
        var chromium = FindChromium() ?? throw new BookException("Chromium is not installed (Debian: apt-get install chromium); the book check needs a real browser.");
        if (!File.Exists(Path.Combine(bookFolder, "index.html")))
        {
            throw new BookException($"{bookFolder} has no index.html: build the book first (book build).");
        }

        var pages = new List<PageCheck>();
        var requests = new List<string>();
        foreach (var page in Directory.EnumerateFiles(bookFolder, "*.html").Order(StringComparer.Ordinal))
        {
            var (dom, urls) = Load(chromium, page);
            pages.Add(Inspect(Path.GetFileName(page), dom));
            requests.AddRange(urls.Select(u => $"{Path.GetFileName(page)}: {u}"));
        }

        return new BookCheck(pages, requests);
    }

    /// <summary>What the scripts left on one page (the serialized DOM).</summary>
    internal static PageCheck Inspect(string name, string dom)
    {
        var problems = new List<string>();
        if (!dom.Contains("data-book-ready=\"true\"", StringComparison.Ordinal))
        {
            problems.Add("the book's script did not finish (assets/book.js missing or failed)");
        }

        var boxes = ChartBox().Matches(dom).Select(m => (m.Groups["id"].Value, m.Index)).ToArray();
        int drawn = 0;
        foreach (var (id, index) in boxes)
        {
            var end = dom.IndexOf($"id=\"{id}-figure\"", index, StringComparison.Ordinal);
            var box = end < 0 ? dom[index..] : dom[index..end];
            if (box.Contains("<svg", StringComparison.Ordinal))
            {
                drawn++;
            }
            else
            {
                var message = ChartMessage().Match(box);
                problems.Add($"chart {id} has no SVG" + (message.Success ? $" (it says: {WebUtility.HtmlDecode(message.Groups["text"].Value)})" : ""));
            }
        }

        var equations = Regex.Count(dom, "class=\"math[^\"]*typeset");
        var mathErrors = Regex.Count(dom, "class=\"[^\"]*math-error");
        if (mathErrors > 0)
        {
            foreach (Match error in MathError().Matches(dom))
            {
                problems.Add($"KaTeX rejected an equation: {WebUtility.HtmlDecode(error.Groups["title"].Value)}");
            }
        }

        var text = WebUtility.HtmlDecode(AnyTag().Replace(NotProse().Replace(dom, " "), " "));
        var untypeset = new List<string>();
        foreach (var delimiter in new[] { "$$", "\\(", "\\[" })
        {
            for (int at = text.IndexOf(delimiter, StringComparison.Ordinal); at >= 0; at = text.IndexOf(delimiter, at + 1, StringComparison.Ordinal))
            {
                untypeset.Add(text.Substring(Math.Max(0, at - 30), Math.Min(80, text.Length - Math.Max(0, at - 30))).ReplaceLineEndings(" "));
            }
        }

        problems.AddRange(untypeset.Select(u => $"untypeset TeX: …{u}…"));
        return new PageCheck(name, boxes.Length, drawn, equations, untypeset, mathErrors, problems);
    }

    internal static (string Dom, IReadOnlyList<string> Requests) Load(string chromium, string page, params string[] extraArguments)
    {
        var profile = Directory.CreateTempSubdirectory("rnnworkbook-book-check-");
        try
        {
            var netLog = Path.Combine(profile.FullName, "net-log.json");
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions", "--allow-file-access-from-files",
                $"--user-data-dir={profile.FullName}", $"--log-net-log={netLog}", "--virtual-time-budget=30000", "--dump-dom",
            }.Concat(extraArguments).Append(new Uri(Path.GetFullPath(page)).AbsoluteUri))
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new BookException($"could not start {chromium}");
            var stderr = process.StandardError.ReadToEndAsync();
            var dom = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new BookException($"Chromium did not finish loading {page} within 2 minutes.");
            }

            if (dom.Length == 0)
            {
                throw new BookException($"Chromium printed no page for {page} (exit {process.ExitCode}): {stderr.Result}");
            }

            return (dom, OutsideRequests(netLog));
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The pages' requests in Chromium's network log that left the machine (not file:, data:, blob:, about:).
    /// Chromium's own background requests (updates, accounts, network time; initiator "not an origin") are
    /// not the book's and are left out; a request a page makes has the page's origin as its initiator.
    /// </summary>
    internal static IReadOnlyList<string> OutsideRequests(string netLog)
    {
        if (!File.Exists(netLog))
        {
            return ["(Chromium wrote no network log, so requests could not be checked)"];
        }

        var text = File.ReadAllText(netLog).TrimEnd();
        if (!text.EndsWith('}'))
        {
            // A log cut short by a killed browser lacks its closing brackets.
            text = text.TrimEnd(',') + "]}";
        }

        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (!root.TryGetProperty("constants", out var constants) || !constants.GetProperty("logEventTypes").TryGetProperty("URL_REQUEST_START_JOB", out var startJobType))
        {
            return ["(Chromium's network log has no URL_REQUEST_START_JOB event type, so requests could not be checked)"];
        }

        var startJob = startJobType.GetInt32();
        var urls = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in root.GetProperty("events").EnumerateArray())
        {
            if (e.GetProperty("type").GetInt32() != startJob || !e.TryGetProperty("params", out var parameters))
            {
                continue;
            }

            var url = parameters.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            var initiator = parameters.TryGetProperty("initiator", out var i) ? i.GetString() ?? "" : "";
            if (OutsideUrl().IsMatch(url) && initiator != "not an origin")
            {
                urls.Add(url);
            }
        }

        return [.. urls];
    }

    [GeneratedRegex("""<div[^>]*\bid="(?<id>[^"]+-chart-\d+)"[^>]*>""")]
    private static partial Regex ChartBox();

    [GeneratedRegex("""class="chart-message">(?<text>[^<]*)<""")]
    private static partial Regex ChartMessage();

    [GeneratedRegex("""<[^>]*class="[^"]*math-error[^"]*"[^>]*title="(?<title>[^"]*)"|<[^>]*title="(?<title>[^"]*)"[^>]*class="[^"]*math-error""")]
    private static partial Regex MathError();

    [GeneratedRegex("""<(script|style|pre|code|annotation|textarea)\b.*?</\1>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex NotProse();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"^(https?|wss?|ftp)://", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideUrl();
}
