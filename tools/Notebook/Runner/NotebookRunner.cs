using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Documents;
using RnnWorkbook.Notebook.Execution;

namespace RnnWorkbook.Notebook.Runner;

/// <summary>
/// The headless runner: executes a notebook's C# cells in order in one <see cref="ScriptSession"/>, reports
/// progress per cell, and writes the executed notebook (nbformat 4.5) atomically. Like nbclient, it stops a
/// notebook at the first failing cell unless that cell is tagged <c>raises-exception</c>.
/// </summary>
public sealed class NotebookRunner(RunOptions options, TextWriter log)
{
    public async Task<NotebookRunResult> RunAsync(string path, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        NotebookDocument notebook;
        try
        {
            notebook = NotebookDocument.Load(path);
            NotebookParameters.Inject(notebook, options.Parameters ?? []);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or UnauthorizedAccessException or NotebookException)
        {
            log.WriteLine($"✗ {path}: {e.Message}");
            return new NotebookRunResult(path, null, 0, stopwatch.Elapsed, 0,
                new CellError("NotebookError", e.Message, [e.Message], null, null));
        }

        return await RunAsync(notebook, cancellationToken);
    }

    /// <summary>Runs a notebook already in memory (the tests run chapters with exercise solutions substituted); the executed copy is named after <see cref="NotebookDocument.Path"/>.</summary>
    public async Task<NotebookRunResult> RunAsync(NotebookDocument notebook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var stopwatch = Stopwatch.StartNew();
        var path = notebook.Path;
        var codeCells = notebook.Cells.Count(c => c.Kind == CellKind.Code);
        log.WriteLine($"▶ {path} ({codeCells} code cells)");
        notebook.ClearOutputs();
        var session = new ScriptSession(notebook.Path);
        var outputs = new NotebookOutputs();
        var cellsRun = 0;
        int? failedCell = null;
        CellError? failure = null;
        var timedOut = false;
        for (var index = 0; index < notebook.Cells.Count && failure is null; index++)
        {
            var cell = notebook.Cells[index];
            if (cell.Kind != CellKind.Code)
            {
                continue;
            }

            var cellNumber = index + 1;
            var cellOutputs = new JsonArray();
            cell.Json["outputs"] = cellOutputs;
            outputs.BeginCell(cellOutputs);
            CellRun run;
            if (cell.Language is not ("csharp" or "C#" or "c#"))
            {
                var message = $"the cell's language is '{cell.Language}'; this engine runs C# cells only.";
                run = new CellRun(null, new CellError("NotebookError", message, [message], null, null), TimeSpan.Zero, false);
            }
            else
            {
                var task = Task.Run(() => session.RunAsync(cell.Source, cellNumber, outputs, cancellationToken), cancellationToken);
                if (options.CellTimeout is { } timeout && await Task.WhenAny(task, Task.Delay(timeout, cancellationToken)) != task)
                {
                    var message = $"the cell did not finish within {timeout.TotalSeconds:0.#} s (--timeout); the run stops here.";
                    run = new CellRun(null, new CellError("TimeoutError", message, [message], null, null), timeout, false);
                    timedOut = true;
                }
                else
                {
                    run = await task;
                }
            }

            cellsRun++;
            cell.Json["execution_count"] = session.ExecutionCount;
            if (run.Timed)
            {
                outputs.WriteStream("stdout", run.WallTimeText);
            }

            if (run.Result is { } result)
            {
                outputs.AddResult(result, session.ExecutionCount);
            }

            if (run.Error is { } error)
            {
                outputs.AddError(error);
                if (!cell.MayRaise || timedOut)
                {
                    failure = error;
                    failedCell = cellNumber;
                }
            }

            outputs.EndCell();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  cell {cellNumber,3}  {Status(run, cell)}  {run.Elapsed.TotalSeconds,6:0.00} s"));
        }

        var outputPath = OutputPathFor(path);
        IpynbFormat.Write(notebook, outputPath);
        var outcome = new NotebookRunResult(path, outputPath, cellsRun, stopwatch.Elapsed, failedCell, failure, timedOut);
        log.WriteLine(outcome.Succeeded
            ? string.Create(CultureInfo.InvariantCulture, $"✓ {path}: {cellsRun} cells in {stopwatch.Elapsed.TotalSeconds:0.0} s → {outputPath}")
            : $"✗ {outcome.DescribeFailure()}\n  executed copy: {outputPath}");
        return outcome;
    }

    private static string Status(CellRun run, NotebookCell cell) => run.Error switch
    {
        null => "ok  ",
        _ when cell.MayRaise => "ok (raised, as tagged)",
        { Name: "TimeoutError" } => "TIMEOUT",
        _ => "FAIL",
    };

    private string OutputPathFor(string path)
    {
        var name = Path.ChangeExtension(Path.GetFileName(path), ".ipynb");
        if (options.InPlace)
        {
            return Path.GetExtension(path).Equals(".ipynb", StringComparison.OrdinalIgnoreCase)
                ? path
                : Path.Combine(Path.GetDirectoryName(path) ?? ".", name);
        }

        return Path.Combine(options.OutputDirectory ?? RunOptions.DefaultOutputDirectory, name);
    }
}
