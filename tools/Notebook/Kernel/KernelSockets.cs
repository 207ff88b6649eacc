using NetMQ;
using NetMQ.Sockets;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// The kernel's five ZeroMQ sockets, bound where the connection file says: shell, control and stdin
/// (ROUTER), iopub (PUB) and heartbeat (REP, echoed here). One poller thread owns them all; other threads
/// send through a queue that the poller drains, because ZeroMQ sockets are not thread-safe. Messages with
/// a wrong or missing signature are logged and dropped before anything sees them.
/// </summary>
public sealed class KernelSockets : IDisposable
{
    private static readonly TimeSpan s_linger = TimeSpan.FromSeconds(1);

    private readonly MessageSigner _signer;
    private readonly TextWriter _log;
    private readonly Action<KernelChannel, JupyterMessage> _received;
    private readonly RouterSocket _shell = new();
    private readonly RouterSocket _control = new();
    private readonly RouterSocket _stdin = new();
    private readonly PublisherSocket _iopub = new();
    private readonly ResponseSocket _heartbeat = new();
    private readonly NetMQQueue<Outgoing> _outgoing = new();
    private readonly NetMQPoller _poller;

    /// <param name="connection">Where to bind, and the signing key.</param>
    /// <param name="received">Called on the poller thread for every correctly signed message.</param>
    /// <param name="log">Where dropped messages and handler failures are reported (the kernel's stderr).</param>
    public KernelSockets(ConnectionFile connection, Action<KernelChannel, JupyterMessage> received, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _signer = new MessageSigner(connection.Key, connection.SignatureScheme);
        _received = received;
        _log = log;
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat })
        {
            socket.Options.Linger = s_linger;
        }

        Connection = connection with
        {
            ShellPort = Bind(_shell, connection, connection.ShellPort),
            IOPubPort = Bind(_iopub, connection, connection.IOPubPort),
            StdinPort = Bind(_stdin, connection, connection.StdinPort),
            ControlPort = Bind(_control, connection, connection.ControlPort),
            HeartbeatPort = Bind(_heartbeat, connection, connection.HeartbeatPort),
        };
        _shell.ReceiveReady += (_, e) => Receive(KernelChannel.Shell, e.Socket);
        _control.ReceiveReady += (_, e) => Receive(KernelChannel.Control, e.Socket);
        _stdin.ReceiveReady += (_, e) => Receive(KernelChannel.Stdin, e.Socket);
        _heartbeat.ReceiveReady += (_, e) => Echo(e.Socket);
        _outgoing.ReceiveReady += (_, e) => Drain(e.Queue);
        _poller = [_shell, _control, _stdin, _iopub, _heartbeat, _outgoing];
    }

    /// <summary>The connection with the ports actually bound (free ports chosen where the file said 0).</summary>
    public ConnectionFile Connection { get; }

    public void Start() => _poller.RunAsync("jupyter kernel sockets", isBackgroundThread: true);

    /// <summary>Signs <paramref name="message"/> and queues it for <paramref name="channel"/>; safe from any thread.</summary>
    public void Send(KernelChannel channel, JupyterMessage message) =>
        _outgoing.Enqueue(new Outgoing(channel, message.Encode(_signer), null));

    /// <summary>Completes once everything queued before it has been handed to its socket.</summary>
    public Task FlushAsync()
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _outgoing.Enqueue(new Outgoing(KernelChannel.IOPub, [], flushed));
        return flushed.Task;
    }

    public void Dispose()
    {
        if (_poller.IsRunning)
        {
            _poller.Stop();
        }

        _poller.Dispose();
        foreach (var disposable in new IDisposable[] { _shell, _control, _stdin, _iopub, _heartbeat, _outgoing })
        {
            disposable.Dispose();
        }
    }

    private static int Bind(NetMQSocket socket, ConnectionFile connection, int port)
    {
        if (port == 0)
        {
            return socket.BindRandomPort($"{connection.Transport}://{connection.Ip}");
        }

        socket.Bind(connection.Endpoint(port));
        return port;
    }

    private void Receive(KernelChannel channel, NetMQSocket socket)
    {
        var frames = new NetMQMessage();
        while (socket.TryReceiveMultipartMessage(ref frames))
        {
            JupyterMessage message;
            try
            {
                message = JupyterMessage.Decode(frames.Select(f => f.ToByteArray()).ToArray(), _signer);
            }
            catch (InvalidDataException e)
            {
                _log.WriteLine($"kernel: dropped a message on {channel.ToString().ToLowerInvariant()}: {e.Message}");
                continue;
            }

            try
            {
                _received(channel, message);
            }
            catch (Exception e)
            {
                _log.WriteLine($"kernel: handling {message.Type} failed: {e}");
            }
        }
    }

    private static void Echo(NetMQSocket socket)
    {
        var ping = new NetMQMessage();
        while (socket.TryReceiveMultipartMessage(ref ping))
        {
            socket.SendMultipartMessage(ping);
        }
    }

    private void Drain(NetMQQueue<Outgoing> queue)
    {
        while (queue.TryDequeue(out var item, TimeSpan.Zero))
        {
            if (item.Flushed is { } flushed)
            {
                flushed.TrySetResult();
                continue;
            }

            var frames = new NetMQMessage(item.Frames.Count);
            foreach (var frame in item.Frames)
            {
                frames.Append(frame);
            }

            var socket = item.Channel switch
            {
                KernelChannel.Shell => (NetMQSocket)_shell,
                KernelChannel.Control => _control,
                KernelChannel.Stdin => _stdin,
                _ => _iopub,
            };
            socket.TrySendMultipartMessage(frames);
        }
    }

    private sealed record Outgoing(KernelChannel Channel, IReadOnlyList<byte[]> Frames, TaskCompletionSource? Flushed);
}
