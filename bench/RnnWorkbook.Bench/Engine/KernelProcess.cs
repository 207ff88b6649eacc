using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Kernel;
using RnnWorkbook.Notebook.Tests.Kernel;

namespace RnnWorkbook.Bench.Engine;

/// <summary>Which Jupyter kernel a <see cref="KernelProcess"/> starts.</summary>
public enum KernelFlavor
{
    /// <summary>Ours: <c>dotnet Notebook.dll kernel run &lt;file&gt;</c>.</summary>
    Workbook,

    /// <summary>The real .NET Interactive, the repository's local tool, as its kernelspec starts it.</summary>
    DotnetInteractive,
}

/// <summary>
/// A Jupyter kernel started as Jupyter starts it, on free loopback ports, with a client connected; disposing
/// shuts it down (or kills it after a grace period).
/// </summary>
internal sealed class KernelProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _connectionFile;

    public KernelProcess(string folder, KernelFlavor flavor = KernelFlavor.Workbook)
    {
        Connection = new ConnectionFile("tcp", "127.0.0.1", FreePort(), FreePort(), FreePort(), FreePort(), FreePort(), Guid.NewGuid().ToString(), MessageSigner.DefaultScheme);
        _connectionFile = Path.Combine(folder, $"kernel-{Guid.NewGuid():N}.json");
        File.WriteAllText(_connectionFile, Connection.ToJson().ToJsonString());
        // .NET Interactive is a local tool: `dotnet dotnet-interactive` finds it from the repository's manifest.
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = flavor == KernelFlavor.Workbook ? folder : BenchPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        string[] arguments = flavor == KernelFlavor.Workbook
            ? [BenchPaths.Engine, "kernel", "run", _connectionFile]
            : ["dotnet-interactive", "jupyter", "--default-kernel", "csharp", _connectionFile, "--http-port-range", "2048-3000"];
        foreach (var arg in arguments)
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

    /// <summary>Runs <c>1+1</c> and returns its result's text (the first result, when this is the first cell).</summary>
    public string OnePlusOne()
    {
        var run = Client.Execute("1+1", timeout: TimeSpan.FromMinutes(2));
        // .NET Interactive sends text/html only; ours sends text/plain as well.
        var data = run.OfType("execute_result").FirstOrDefault()?.Content["data"];
        return run.Status == "ok" && (data?["text/plain"] ?? data?["text/html"]) is { } text
            ? text.GetValue<string>()
            : throw new InvalidOperationException(run.Reply.Content.ToJsonString());
    }

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
