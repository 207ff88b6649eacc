using System.Collections.Concurrent;
using RnnWorkbook.Notebook.Runner;

namespace RnnWorkbook.Notebook.Tests;

/// <summary>
/// Each chapter runs in full once per test run, through the headless runner, into artifacts/notebooks (which
/// .ci/run validates against the Jupyter schema); the chapter test asserts it succeeded, and the nbclient
/// harnesses compare their kernels' outputs with these copies instead of running the chapters again.
/// </summary>
internal static class ExecutedChapters
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<(NotebookRunResult Result, string Log)>>> s_runs = new();

    public static string OutputDirectory => Path.Combine(Repository.Root, "artifacts", "notebooks");

    public static IReadOnlyList<string> Names() =>
        Directory.EnumerateFiles(Repository.Notebooks, "*.ipynb").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();

    /// <summary>The full run of <paramref name="chapter"/> (a file name in notebooks/), started on first request.</summary>
    public static Task<(NotebookRunResult Result, string Log)> RunAsync(string chapter) =>
        s_runs.GetOrAdd(chapter, name => new Lazy<Task<(NotebookRunResult, string)>>(() => Task.Run(() => Run(name)))).Value;

    /// <summary>The full runs of <paramref name="chapters"/> (default: every chapter), in order; returns the folder holding
    /// the executed copies.</summary>
    public static async Task<string> AllAsync(IReadOnlyList<string>? chapters = null)
    {
        foreach (var chapter in chapters ?? Names())
        {
            await RunAsync(chapter);
        }

        return OutputDirectory;
    }

    private static async Task<(NotebookRunResult, string)> Run(string chapter)
    {
        var log = new StringWriter();
        var runner = new NotebookRunner(new RunOptions(TimeSpan.FromMinutes(10), OutputDirectory), log);
        var result = await runner.RunAsync(Path.Combine(Repository.Notebooks, chapter));
        return (result, log.ToString());
    }
}
