using System.Diagnostics;
using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Execution;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// Runs execute_requests in one <see cref="ScriptSession"/>: execute_input, the cell's outputs, the result
/// or error, and the execute_reply. Each cell runs on a thread of its own so that an interrupt can reach
/// it: the cell's token is cancelled (loop checks and awaits that take it stop) and the thread is
/// interrupted (a blocking wait such as <c>Thread.Sleep</c> ends). A fresh thread per cell keeps an
/// interrupt that arrives as a cell ends from hitting the next one.
/// </summary>
internal sealed class ExecuteHandler(KernelMessenger messenger, ScriptSession session)
{
    private readonly Lock _lock = new();
    private int _cellsRun;
    private RunningCell? _running;

    public ScriptSession Session => session;

    /// <summary>Jupyter's execution count: cells run with store_history and not silent.</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>Runs the request's code and replies; false when the cell failed.</summary>
    public async Task<bool> HandleAsync(JupyterMessage request)
    {
        var code = request.Content["code"]?.GetValue<string>() ?? "";
        var silent = Flag(request.Content, "silent", false);
        if (!silent && Flag(request.Content, "store_history", true))
        {
            ExecutionCount++;
        }

        if (!silent)
        {
            messenger.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = ExecutionCount }, request);
        }

        var sink = new KernelOutputSink(messenger, request, silent);
        var run = await RunOnCellThreadAsync(code, sink);
        if (run.Timed)
        {
            sink.WriteStream("stdout", run.WallTimeText);
        }

        if (run.Result is { } result)
        {
            sink.Result(result, ExecutionCount);
        }

        if (run.Error is { } error)
        {
            sink.Error(error);
        }

        sink.Flush();
        var reply = run.Error is { } failure
            ? KernelOutputSink.ErrorContent(failure)
            : new JsonObject { ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray() };
        reply["status"] = run.Succeeded ? "ok" : "error";
        reply["execution_count"] = ExecutionCount;
        messenger.Reply(KernelChannel.Shell, request, "execute_reply", reply);
        return run.Succeeded;
    }

    /// <summary>Replies "aborted" without running: an earlier cell failed and the request asked to stop on error.</summary>
    public void Abort(JupyterMessage request) =>
        messenger.Reply(KernelChannel.Shell, request, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = ExecutionCount });

    /// <summary>Interrupts the running cell, if any; safe from any thread.</summary>
    public void Interrupt()
    {
        lock (_lock)
        {
            if (_running is { } cell)
            {
                cell.Cancellation.Cancel();
                cell.Thread.Interrupt();
            }
        }
    }

    private async Task<CellRun> RunOnCellThreadAsync(string code, IOutputSink sink)
    {
        using var cancellation = new CancellationTokenSource();
        var finished = new TaskCompletionSource<CellRun>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cellNumber = Interlocked.Increment(ref _cellsRun);
        var stopwatch = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            try
            {
                finished.SetResult(Run(code, cellNumber, sink, cancellation.Token));
            }
            catch (Exception e)
            {
                // Cancelled before the script started, or interrupted outside the cell's own code.
                var error = new CellError(e.GetType().FullName ?? e.GetType().Name, e.Message, [e.ToString()], null, null);
                finished.SetResult(new CellRun(null, error, stopwatch.Elapsed, false));
            }
        })
        {
            IsBackground = true,
            Name = $"notebook cell {cellNumber}",
        };
        lock (_lock)
        {
            _running = new RunningCell(thread, cancellation);
        }

        thread.Start();
        var run = await finished.Task;
        lock (_lock)
        {
            _running = null;
        }

        return cancellation.IsCancellationRequested && run.Error is { } error
            ? run with { Error = error with { Name = "Interrupted", Message = $"the cell was interrupted ({error.Name}: {error.Message})" } }
            : run;
    }

    private CellRun Run(string code, int cellNumber, IOutputSink sink, CancellationToken cancellationToken)
    {
        using var interrupt = CellInterrupt.Enter(cancellationToken);
        var task = session.RunAsync(LoopInterruptRewriter.Rewrite(code), cellNumber, sink, cancellationToken);
        while (!task.IsCompleted)
        {
            try
            {
                // The cell awaited something: its remaining code runs elsewhere, and an interrupt meant for
                // it may land on this wait instead. Keep waiting; the cancelled token still reaches it.
                ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
            }
            catch (ThreadInterruptedException)
            {
            }
        }

        return task.GetAwaiter().GetResult();
    }

    private static bool Flag(JsonObject content, string name, bool fallback) =>
        content[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : fallback;

    private sealed record RunningCell(Thread Thread, CancellationTokenSource Cancellation);
}
