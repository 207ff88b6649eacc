using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Kernel;
using RnnWorkbook.Notebook.Tests.Kernel;

namespace RnnWorkbook.Bench.Engine;

/// <summary>
/// <c>dotnet Notebook.dll kernel run &lt;connection file&gt;</c> started as Jupyter starts it, on free loopback
/// ports, with a client connected; disposing shuts it down (or kills it after a grace period).
/// </summary>
internal sealed class KernelProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _connectionFile;

    public KernelProcess(string folder)
    {
        Connection = new ConnectionFile("tcp", "127.0.0.1", FreePort(), FreePort(), FreePort(), FreePort(), FreePort(), Guid.NewGuid().ToString(), MessageSigner.DefaultScheme);
        _connectionFile = Path.Combine(folder, $"kernel-{Guid.NewGuid():N}.json");
        File.WriteAllText(_connectionFile, Connection.ToJson().ToJsonString());
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { BenchPaths.Engine, "kernel", "run", _connectionFile })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Client = new KernelTestClient(Connection);
    }

    public ConnectionFile Connection { get; }

    public KernelTestClient Client { get; }

    /// <summary>Sends kernel_info_request and waits for the reply (ZeroMQ delivers it once the kernel has bound).</summary>
    public JupyterMessage KernelInfo() => Client.Request(KernelChannel.Shell, "kernel_info_request", []);

    public void Dispose()
    {
        try
        {
            Client.Send(KernelChannel.Control, "shutdown_request", new JsonObject { ["restart"] = false });
            if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            Client.Dispose();
            _process.Dispose();
            File.Delete(_connectionFile);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
