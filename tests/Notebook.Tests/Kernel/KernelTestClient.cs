using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using RnnWorkbook.Notebook.Kernel;

namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary>
/// A small Jupyter client over real sockets: DEALER sockets for shell and control, SUB for iopub, REQ for
/// heartbeat. It signs what it sends with its own key (a wrong one, to test rejection) and waits with
/// timeouts, so a kernel that does not answer fails the test instead of hanging it. Used by one thread at a
/// time, as ZeroMQ sockets require. The benchmarks compile this file too.
/// </summary>
internal sealed class KernelTestClient : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly MessageSigner _signer;
    private readonly MessageSigner _kernelSigner;
    private readonly DealerSocket _shell = new();
    private readonly DealerSocket _control = new();
    private readonly SubscriberSocket _iopub = new();
    private readonly RequestSocket _heartbeat = new();
    private readonly List<JupyterMessage> _iopubSeen = [];
    private readonly string _session = Guid.NewGuid().ToString("N");

    /// <param name="connection">The kernel's connection (its key checks replies).</param>
    /// <param name="signingKey">The key this client signs with; the kernel's unless a test wants it wrong.</param>
    public KernelTestClient(ConnectionFile connection, string? signingKey = null)
    {
        _kernelSigner = new MessageSigner(connection.Key);
        _signer = new MessageSigner(signingKey ?? connection.Key);
        _shell.Connect(connection.Endpoint(connection.ShellPort));
        _control.Connect(connection.Endpoint(connection.ControlPort));
        _iopub.Connect(connection.Endpoint(connection.IOPubPort));
        _iopub.SubscribeToAnyTopic();
        _heartbeat.Connect(connection.Endpoint(connection.HeartbeatPort));
    }

    /// <summary>Asks kernel_info until the reply and an iopub message arrive: iopub is then subscribed (as jupyter_client does).</summary>
    public JupyterMessage Handshake()
    {
        var deadline = DateTime.UtcNow + DefaultTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var request = Send(KernelChannel.Shell, "kernel_info_request", []);
            var reply = Receive(KernelChannel.Shell, DefaultTimeout) ?? throw new TimeoutException("no kernel_info_reply");
            if (TryReceiveIOPub(TimeSpan.FromMilliseconds(300)) is not null)
            {
                CollectIOPub(request, DefaultTimeout);
                return reply;
            }
        }

        throw new TimeoutException("iopub never delivered a message");
    }

    public JupyterMessage Send(KernelChannel channel, string type, JsonObject content)
    {
        var message = JupyterMessage.Create(type, content, _session);
        var frames = new NetMQMessage();
        foreach (var frame in message.Encode(_signer))
        {
            frames.Append(frame);
        }

        Socket(channel).SendMultipartMessage(frames);
        return message;
    }

    /// <summary>Sends frames as they are, for malformed or unsigned messages.</summary>
    public void SendRaw(KernelChannel channel, IReadOnlyList<byte[]> frames)
    {
        var message = new NetMQMessage();
        foreach (var frame in frames)
        {
            message.Append(frame);
        }

        Socket(channel).SendMultipartMessage(message);
    }

    /// <summary>The next message on shell or control, or null after <paramref name="timeout"/>.</summary>
    public JupyterMessage? Receive(KernelChannel channel, TimeSpan timeout)
    {
        var frames = new NetMQMessage();
        return Socket(channel).TryReceiveMultipartMessage(timeout, ref frames)
            ? JupyterMessage.Decode(frames.Select(f => f.ToByteArray()).ToArray(), _kernelSigner)
            : null;
    }

    public JupyterMessage Request(KernelChannel channel, string type, JsonObject content)
    {
        var request = Send(channel, type, content);
        var reply = Receive(channel, DefaultTimeout) ?? throw new TimeoutException($"no reply to {type}");
        return IsReplyTo(reply, request);
    }

    /// <summary>The iopub messages caused by <paramref name="request"/>, up to and including its idle status.</summary>
    public List<JupyterMessage> CollectIOPub(JupyterMessage request, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var result = new List<JupyterMessage>();
        var index = 0;
        while (true)
        {
            for (; index < _iopubSeen.Count; index++)
            {
                var message = _iopubSeen[index];
                if (message.ParentHeader["msg_id"]?.GetValue<string>() != request.Id)
                {
                    continue;
                }

                result.Add(message);
                if (message.Type == "status" && message.Content["execution_state"]?.GetValue<string>() == "idle")
                {
                    _iopubSeen.RemoveAll(result.Contains);
                    return result;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || TryReceiveIOPub(left) is null)
            {
                throw new TimeoutException($"no idle status for {request.Type} within {timeout.TotalSeconds} s");
            }
        }
    }

    /// <summary>Waits until the cell of <paramref name="request"/> has written <paramref name="text"/> to a stream, i.e. it is running.</summary>
    public void WaitForOutput(JupyterMessage request, string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_iopubSeen.Any(m => m.Type == "stream" && m.ParentHeader["msg_id"]?.GetValue<string>() == request.Id
                                    && (m.Content["text"]?.GetValue<string>() ?? "").Contains(text, StringComparison.Ordinal)))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || TryReceiveIOPub(left) is null)
            {
                throw new TimeoutException($"the cell did not write '{text}' within {timeout.TotalSeconds} s");
            }
        }
    }

    /// <summary>Runs <paramref name="code"/> and returns its reply and the iopub messages it caused.</summary>
    public Exchange Execute(string code, bool silent = false, bool storeHistory = true, bool stopOnError = true, TimeSpan? timeout = null)
    {
        var request = SendExecute(code, silent, storeHistory, stopOnError);
        return Finish(request, timeout ?? DefaultTimeout);
    }

    public JupyterMessage SendExecute(string code, bool silent = false, bool storeHistory = true, bool stopOnError = true) =>
        Send(KernelChannel.Shell, "execute_request", new JsonObject
        {
            ["code"] = code,
            ["silent"] = silent,
            ["store_history"] = storeHistory,
            ["user_expressions"] = new JsonObject(),
            ["allow_stdin"] = false,
            ["stop_on_error"] = stopOnError,
        });

    /// <summary>Waits for the reply and the iopub messages of an execute_request already sent.</summary>
    public Exchange Finish(JupyterMessage request, TimeSpan timeout)
    {
        var reply = Receive(KernelChannel.Shell, timeout) ?? throw new TimeoutException($"no execute_reply within {timeout.TotalSeconds} s");
        return new Exchange(IsReplyTo(reply, request), CollectIOPub(request, timeout));
    }

    /// <summary>True when the heartbeat echoes a ping.</summary>
    public bool Ping(TimeSpan timeout)
    {
        _heartbeat.SendFrame("ping");
        return _heartbeat.TryReceiveFrameString(timeout, out var echo) && echo == "ping";
    }

    public void Dispose()
    {
        foreach (var socket in new NetMQSocket[] { _shell, _control, _iopub, _heartbeat })
        {
            socket.Options.Linger = TimeSpan.Zero;
            socket.Dispose();
        }
    }

    private static JupyterMessage IsReplyTo(JupyterMessage reply, JupyterMessage request) =>
        reply.ParentHeader["msg_id"]?.GetValue<string>() == request.Id
            ? reply
            : throw new InvalidDataException($"{reply.Type} answers {reply.ParentHeader["msg_id"]}, not {request.Type} {request.Id}.");

    private JupyterMessage? TryReceiveIOPub(TimeSpan timeout)
    {
        var frames = new NetMQMessage();
        if (!_iopub.TryReceiveMultipartMessage(timeout, ref frames))
        {
            return null;
        }

        var message = JupyterMessage.Decode(frames.Select(f => f.ToByteArray()).ToArray(), _kernelSigner);
        _iopubSeen.Add(message);
        return message;
    }

    private NetMQSocket Socket(KernelChannel channel) => channel switch
    {
        KernelChannel.Shell => _shell,
        KernelChannel.Control => _control,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "the test client talks on shell and control."),
    };

    /// <summary>An execute_request's reply and the iopub messages it caused, busy to idle.</summary>
    public sealed record Exchange(JupyterMessage Reply, List<JupyterMessage> IOPub)
    {
        public string Status => Reply.Content["status"]!.GetValue<string>();

        public IEnumerable<string> Types => IOPub.Select(m => m.Type);

        public IEnumerable<JupyterMessage> OfType(string type) => IOPub.Where(m => m.Type == type);
    }
}
