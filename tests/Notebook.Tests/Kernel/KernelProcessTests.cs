using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Kernel;

namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary><c>notebook kernel run &lt;connection file&gt;</c> as Jupyter starts it: a process of its own.</summary>
public class KernelProcessTests
{
    private static readonly TimeSpan s_exit = TimeSpan.FromSeconds(20);

    // Jupyter starts a kernel in the notebook's folder; relative #r paths resolve against it.
    private static (Process Kernel, ConnectionFile Connection) Start(TempFolder folder, int? parentPid = null)
    {
        var connection = new ConnectionFile("tcp", "127.0.0.1", FreePort(), FreePort(), FreePort(), FreePort(), FreePort(), "process-key", MessageSigner.DefaultScheme);
        var file = folder.File("kernel-1.json");
        File.WriteAllText(file, connection.ToJson().ToJsonString());
        var start = new ProcessStartInfo(DotnetHost.Path, [typeof(KernelCommand).Assembly.Location, "kernel", "run", file])
        {
            WorkingDirectory = Repository.Notebooks,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (parentPid is { } pid)
        {
            start.Environment["JPY_PARENT_PID"] = pid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var kernel = Process.Start(start)!;
        kernel.OutputDataReceived += (_, _) => { };
        kernel.BeginOutputReadLine();
        return (kernel, connection);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public void The_kernel_process_answers_runs_cells_and_exits_after_shutdown()
    {
        using var folder = new TempFolder();
        var (kernel, connection) = Start(folder);
        using var _ = kernel;
        try
        {
            using var client = new KernelTestClient(connection);
            client.Handshake();
            var run = client.Execute("#r \"../lib/RnnWorkbook/bin/RnnWorkbook.dll\"\nRnnWorkbook.Workbook.DefaultSeed");
            var reply = client.Request(KernelChannel.Control, "shutdown_request", new JsonObject { ["restart"] = false });

            Assert.Equal("42", Assert.Single(run.OfType("execute_result")).Content["data"]!["text/plain"]!.GetValue<string>());
            Assert.Equal("shutdown_reply", reply.Type);
            Assert.True(kernel.WaitForExit(s_exit), "the kernel did not exit after shutdown_reply");
            Assert.Equal(0, kernel.ExitCode);
        }
        finally
        {
            if (!kernel.HasExited)
            {
                kernel.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public void The_kernel_process_ends_when_the_jupyter_process_that_started_it_ends()
    {
        using var folder = new TempFolder();
        // The parent ends when the test ends it, after the handshake: a parent that ended on a timer could end
        // before a kernel started on a loaded machine had answered.
        using var parent = Process.Start(new ProcessStartInfo("sleep", ["120"]))!;
        var (kernel, connection) = Start(folder, parent.Id);
        using var _ = kernel;
        try
        {
            using (var client = new KernelTestClient(connection))
            {
                client.Handshake();
            }

            parent.Kill();
            parent.WaitForExit();
            Assert.True(kernel.WaitForExit(s_exit), "the kernel outlived its parent");
            Assert.Contains("the Jupyter process that started this kernel has ended", kernel.StandardError.ReadToEnd());
        }
        finally
        {
            if (!kernel.HasExited)
            {
                kernel.Kill(entireProcessTree: true);
            }
        }
    }
}
