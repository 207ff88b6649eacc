using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Execution;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3) on the workbook's engine. Shell requests are handled one at a
/// time in arrival order on the kernel's shell thread (cells run there), each between busy and idle
/// statuses; control requests (interrupt, shutdown, kernel_info) are handled at once on the socket thread,
/// so an interrupt reaches a running cell.
/// After a failed cell whose request asked to stop on error, execute_requests already queued are answered
/// "aborted" until the queue drains, as ipykernel does.
/// </summary>
public sealed class KernelServer : IAsyncDisposable
{
    private readonly KernelOptions _options;
    private readonly TextWriter _log;
    private readonly KernelSockets _sockets;
    private readonly KernelMessenger _messenger;
    private readonly CompletionProvider _completions = new();
    private readonly BlockingCollection<JupyterMessage> _shellQueue = [];
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PackageSet _packages;
    private volatile ExecuteHandler _execution;
    private readonly Thread _shellThread;
    private bool _aborting;
    private bool _warmedUp;

    public KernelServer(ConnectionFile connection, KernelOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        _options = options;
        _log = log;
        _packages = PackageSet.Current.WithRestorer(new NugetRestorer(options.NugetCacheDirectory, log));
        _sockets = new KernelSockets(connection, OnReceived, log);
        _messenger = new KernelMessenger(_sockets);
        _execution = NewExecution();
        _shellThread = new Thread(ShellLoop, StackGuard.CellStackSize) { IsBackground = true, Name = "jupyter shell" };
    }

    /// <summary>The connection with the ports bound; give it to clients when the file said port 0.</summary>
    public ConnectionFile Connection => _sockets.Connection;

    /// <summary>Completes when a shutdown_request (without restart) has been answered.</summary>
    public Task Stopped => _stopped.Task;

    public void Start()
    {
        _sockets.Start();
        _shellThread.Start();
        _messenger.Status("starting", null);
    }

    /// <summary>Interrupts the running cell, as an interrupt_request does (the kernel command wires SIGINT here).</summary>
    public void Interrupt() => _execution.Interrupt();

    public async ValueTask DisposeAsync()
    {
        _shellQueue.CompleteAdding();
        _execution.Interrupt();
        await Task.WhenAny(_sockets.FlushAsync(), Task.Delay(TimeSpan.FromSeconds(2)));
        if (_shellThread.IsAlive)
        {
            _shellThread.Join(TimeSpan.FromSeconds(2));
        }

        _sockets.Dispose();
    }

    // Cells reference this engine so the loop checks the kernel inserts (CellInterrupt.Check) compile.
    private ExecuteHandler NewExecution() =>
        new(_messenger, new ScriptSession(_options.NotebookPath, _packages, [typeof(CellInterrupt).Assembly]));

    private void OnReceived(KernelChannel channel, JupyterMessage message)
    {
        switch (channel)
        {
            case KernelChannel.Shell:
                _shellQueue.TryAdd(message);
                break;
            case KernelChannel.Control:
                HandleControl(message);
                break;
            default:
                _log.WriteLine($"kernel: ignored {message.Type} on {channel.ToString().ToLowerInvariant()} (input is not supported).");
                break;
        }
    }

    private void HandleControl(JupyterMessage request)
    {
        _messenger.Status("busy", request);
        var stop = false;
        try
        {
            stop = DispatchControl(request);
        }
        catch (Exception e)
        {
            ReplyError(KernelChannel.Control, request, e);
        }

        _messenger.Status("idle", request);
        if (stop)
        {
            _ = _sockets.FlushAsync().ContinueWith(_ => _stopped.TrySetResult(), TaskScheduler.Default);
        }
    }

    private bool DispatchControl(JupyterMessage request)
    {
        var stop = false;
        switch (request.Type)
        {
            case "interrupt_request":
                _execution.Interrupt();
                _messenger.Reply(KernelChannel.Control, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                stop = Shutdown(KernelChannel.Control, request);
                break;
            case "kernel_info_request":
                _messenger.Reply(KernelChannel.Control, request, "kernel_info_reply", KernelInfo.Content());
                break;
            default:
                _log.WriteLine($"kernel: ignored unknown control message {request.Type}.");
                break;
        }

        return stop;
    }

    /// <summary>
    /// The reply to a request that could not be handled: status error, with ename/evalue naming the problem
    /// (for a field of the wrong type, <see cref="InvalidRequestException"/> names the field and both types).
    /// </summary>
    private void ReplyError(KernelChannel channel, JupyterMessage request, Exception e)
    {
        var invalid = e is InvalidRequestException;
        _log.WriteLine(invalid ? $"kernel: {e.Message}" : $"kernel: {request.Type} failed: {e}");
        var name = invalid ? "InvalidRequest" : e.GetType().FullName ?? e.GetType().Name;
        var reply = KernelOutputSink.ErrorContent(new CellError(name, e.Message, [invalid ? $"{name}: {e.Message}" : e.ToString()], null, null));
        reply["status"] = "error";
        if (request.Type == "execute_request")
        {
            reply["execution_count"] = _execution.ExecutionCount;
        }

        var replyType = request.Type.EndsWith("_request", StringComparison.Ordinal)
            ? request.Type[..^"_request".Length] + "_reply"
            : request.Type + "_reply";
        _messenger.Reply(channel, request, replyType, reply);
    }

    private void ShellLoop()
    {
        foreach (var request in _shellQueue.GetConsumingEnumerable())
        {
            HandleShell(request);
            if (_shellQueue.Count == 0)
            {
                _aborting = false;
            }
        }
    }

    private void HandleShell(JupyterMessage request)
    {
        _messenger.Status("busy", request);
        var stop = false;
        try
        {
            stop = DispatchShell(request);
        }
        catch (Exception e)
        {
            ReplyError(KernelChannel.Shell, request, e);
        }
        finally
        {
            _messenger.Status("idle", request);
        }

        if (stop)
        {
            _sockets.FlushAsync().Wait(TimeSpan.FromSeconds(2));
            _stopped.TrySetResult();
        }
    }

    private bool DispatchShell(JupyterMessage request)
    {
        var execution = _execution;
        switch (request.Type)
        {
            case "execute_request":
                if (_aborting)
                {
                    execution.Abort(request);
                }
                else if (!execution.Handle(request) && RequestFields.Bool(request, "stop_on_error", true))
                {
                    _aborting = true;
                }

                if (!_warmedUp)
                {
                    // After the first cell rather than at start: kernel_info stays fast and the cell comes first.
                    _completions.WarmUp();
                    _warmedUp = true;
                }

                return false;
            case "kernel_info_request":
                Reply(request, KernelInfo.Content());
                return false;
            case "complete_request":
                Reply(request, _completions.CompleteAsync(execution.Session, Code(request), Cursor(request)).GetAwaiter().GetResult());
                return false;
            case "inspect_request":
                Reply(request, InspectionProvider.Inspect(execution.Session, Code(request), Cursor(request)));
                return false;
            case "is_complete_request":
                Reply(request, CompletenessChecker.Check(Code(request)));
                return false;
            case "comm_info_request":
                Reply(request, new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                return false;
            case "history_request":
                Reply(request, new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                return false;
            case "shutdown_request":
                return Shutdown(KernelChannel.Shell, request);
            default:
                _log.WriteLine($"kernel: ignored unknown shell message {request.Type}.");
                return false;
        }
    }

    /// <summary>Answers a shutdown_request; with restart the session starts afresh, without it the kernel stops.</summary>
    private bool Shutdown(KernelChannel channel, JupyterMessage request)
    {
        var restart = RequestFields.Bool(request, "restart", false);
        var old = _execution;
        old.Interrupt();
        if (restart)
        {
            _execution = NewExecution();
        }

        _messenger.Reply(channel, request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
        return !restart;
    }

    private void Reply(JupyterMessage request, JsonObject content) =>
        _messenger.Reply(KernelChannel.Shell, request, request.Type.Replace("_request", "_reply", StringComparison.Ordinal), content);

    private static string Code(JupyterMessage request) => RequestFields.String(request, "code", "");

    private static int Cursor(JupyterMessage request) => RequestFields.Int(request, "cursor_pos", Code(request).Length);
}
