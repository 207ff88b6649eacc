using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RnnWorkbook.Tests.Data;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 and a free port, serving fixed bytes per path (404 otherwise) and
/// counting the requests it answers. It stops when disposed, or by itself after 30 seconds at most.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IReadOnlyDictionary<string, byte[]> _routes;
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(30));
    private readonly Task _loop;
    private int _requests;

    public LoopbackServer(IReadOnlyDictionary<string, byte[]> routes)
    {
        _routes = routes;
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Requests => Volatile.Read(ref _requests);

    public Uri Url(string path) => new($"http://127.0.0.1:{Port}{path}");

    /// <summary>A loopback address on which nothing listens: the port was free a moment ago and is closed again.</summary>
    public static Uri ClosedPortUrl(string path)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}{path}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                try
                {
                    await AnswerAsync(client);
                }
                catch (IOException)
                {
                    // The client hung up early (e.g. it stopped reading an oversized body); serve the next one.
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
        var requestLine = await reader.ReadLineAsync(_stop.Token) ?? "";
        while (!string.IsNullOrEmpty(await reader.ReadLineAsync(_stop.Token)))
        {
        }

        Interlocked.Increment(ref _requests);
        var parts = requestLine.Split(' ');
        var found = _routes.TryGetValue(parts.Length > 1 ? parts[1] : "", out var body);
        body ??= [];
        var head = $"HTTP/1.1 {(found ? "200 OK" : "404 Not Found")}\r\n" +
                   $"Content-Length: {body.Length}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
        await stream.WriteAsync(body, _stop.Token);
        await stream.FlushAsync(_stop.Token);
        client.Client.Shutdown(SocketShutdown.Send);
    }
}
