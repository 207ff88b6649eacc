using System.Diagnostics;
using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Execution;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// Runs execute_requests in one <see cref="ScriptSession"/>: execute_input, the cell's outputs, the result
/// or error, and the execute_reply. A cell runs on the kernel's shell thread, so that an interrupt can reach
/// it: the cell's token is cancelled (loop checks and awaits that take it stop) and the thread is
/// interrupted (a blocking wait such as <c>Thread.Sleep</c> ends). An interrupt that arrives as the cell
/// ends is cleared before the thread does anything else.
/// </summary>
internal sealed class ExecuteHandler(KernelMessenger messenger, ScriptSession session)
{
    private readonly Lock _lock = new();
    private int _cellsRun;
    private RunningCell? _running;

    public ScriptSession Session => session;

    /// <summary>Jupyter's execution count: cells run with store_history and not silent.</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>
    /// Runs the request's code on the calling thread and replies; false when the cell failed. The caller must
    /// be a thread of the kernel's own (not a pool thread): an interrupt calls <see cref="Thread.Interrupt"/> on it.
    /// </summary>
    public bool Handle(JupyterMessage request)
    {
        var code = RequestFields.String(request, "code", "");
        var silent = RequestFields.Bool(request, "silent", false);
        var storeHistory = RequestFields.Bool(request, "store_history", true);
        _ = RequestFields.Bool(request, "stop_on_error", true);
        if (!silent && storeHistory)
        {
            ExecutionCount++;
        }

        if (!silent)
        {
            messenger.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = ExecutionCount }, request);
        }

        var sink = new KernelOutputSink(messenger, request, silent);
        var run = RunHere(code, sink);
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

    private CellRun RunHere(string code, IOutputSink sink)
    {
        using var cancellation = new CancellationTokenSource();
        var cellNumber = ++_cellsRun;
        var stopwatch = Stopwatch.StartNew();
        CellRun run;
        lock (_lock)
        {
            _running = new RunningCell(Thread.CurrentThread, cancellation);
        }

        try
        {
            run = Run(code, cellNumber, sink, cancellation.Token);
        }
        catch (Exception e)
        {
            // Cancelled before the script started, or interrupted outside the cell's own code.
            run = new CellRun(null, new CellError(e.GetType().FullName ?? e.GetType().Name, e.Message, [e.ToString()], null, null), stopwatch.Elapsed, false);
        }
        finally
        {
            lock (_lock)
            {
                _running = null;
            }

            ForgetPendingInterrupt();
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

    // An interrupt that arrived as the cell ended is still pending on this thread; it must not hit the next wait.
    private static void ForgetPendingInterrupt()
    {
        try
        {
            Thread.Sleep(0);
        }
        catch (ThreadInterruptedException)
        {
        }
    }

    private sealed record RunningCell(Thread Thread, CancellationTokenSource Cancellation);
}
