using System.Text;
using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Execution;
using RnnWorkbook.Notebook.Formatting;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// A cell's outputs as iopub messages replying to its execute_request: stream (text gathered for up to
/// 50 ms, as ipykernel does, so a printing loop does not send a message per write), display_data and
/// update_display_data with the display id in <c>transient</c>, execute_result and error. A silent
/// request broadcasts nothing.
/// </summary>
internal sealed class KernelOutputSink : IOutputSink
{
    private static readonly TimeSpan s_flushDelay = TimeSpan.FromMilliseconds(50);

    private readonly KernelMessenger _messenger;
    private readonly JupyterMessage _request;
    private readonly bool _silent;
    private readonly Lock _lock = new();
    private readonly StringBuilder _pending = new();
    private readonly Timer _timer;
    private string _pendingName = "";

    public KernelOutputSink(KernelMessenger messenger, JupyterMessage request, bool silent)
    {
        _messenger = messenger;
        _request = request;
        _silent = silent;
        _timer = new Timer(_ => Flush());
    }

    public void WriteStream(string name, string text)
    {
        if (_silent || text.Length == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_pending.Length > 0 && name != _pendingName)
            {
                FlushLocked();
            }

            if (_pending.Length == 0)
            {
                _timer.Change(s_flushDelay, Timeout.InfiniteTimeSpan);
            }

            _pendingName = name;
            _pending.Append(text);
        }
    }

    public void Display(MimeBundle bundle, string displayId) => Send("display_data", Bundle(bundle, displayId));

    public void UpdateDisplay(MimeBundle bundle, string displayId) => Send("update_display_data", Bundle(bundle, displayId));

    public void Result(MimeBundle bundle, int executionCount) => Send("execute_result", new JsonObject
    {
        ["execution_count"] = executionCount,
        ["data"] = bundle.ToMessageJson(),
        ["metadata"] = new JsonObject(),
    });

    public void Error(CellError error) => Send("error", ErrorContent(error));

    /// <summary>Sends gathered stream text now.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            FlushLocked();
        }
    }

    /// <summary>ename, evalue and traceback, as error outputs and error replies carry them.</summary>
    public static JsonObject ErrorContent(CellError error) => new()
    {
        ["ename"] = error.Name,
        ["evalue"] = error.Message,
        ["traceback"] = new JsonArray(error.Traceback.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
    };

    private static JsonObject Bundle(MimeBundle bundle, string displayId) => new()
    {
        ["data"] = bundle.ToMessageJson(),
        ["metadata"] = new JsonObject(),
        ["transient"] = new JsonObject { ["display_id"] = displayId },
    };

    private void Send(string type, JsonObject content)
    {
        if (_silent)
        {
            return;
        }

        lock (_lock)
        {
            FlushLocked();
            _messenger.Publish(type, content, _request);
        }
    }

    private void FlushLocked()
    {
        if (_pending.Length == 0)
        {
            return;
        }

        _messenger.Publish("stream", new JsonObject { ["name"] = _pendingName, ["text"] = _pending.ToString() }, _request);
        _pending.Clear();
    }
}
