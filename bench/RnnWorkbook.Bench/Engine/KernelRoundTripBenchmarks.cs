using BenchmarkDotNet.Attributes;
using RnnWorkbook.Notebook.Kernel;

namespace RnnWorkbook.Bench.Engine;

/// <summary>
/// A cell's round trip as a front end sees it, after warm-up: execute_request of <c>1+1</c> sent, its
/// execute_reply and the idle status on iopub received. Target ≤ 20 ms median, and ahead of the real .NET
/// Interactive kernel measured in the same run. Peer for the protocol cost: a kernel_info round trip.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MedianColumn]
public class KernelRoundTripBenchmarks
{
    private string _folder = "";
    private KernelProcess _kernel = null!;
    private KernelProcess _dotnetInteractive = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "rnnworkbook-kernel-rtt-" + Environment.ProcessId);
        Directory.CreateDirectory(_folder);
        _kernel = new KernelProcess(_folder);
        _kernel.Client.Handshake();
        _dotnetInteractive = new KernelProcess(_folder, KernelFlavor.DotnetInteractive);
        _dotnetInteractive.Client.Handshake();
        for (var i = 0; i < 20; i++)
        {
            Execute();
            DotnetInteractiveExecute();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _kernel.Dispose();
        _dotnetInteractive.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "kernel_info round trip (to idle)")]
    public void KernelInfo()
    {
        var request = _kernel.Client.Send(KernelChannel.Shell, "kernel_info_request", []);
        _kernel.Client.Receive(KernelChannel.Shell, TimeSpan.FromSeconds(30));
        _kernel.Client.CollectIOPub(request, TimeSpan.FromSeconds(30));
    }

    [Benchmark(Baseline = true, Description = "ours: execute 1+1 round trip (to idle)")]
    public string Execute() => Run(_kernel);

    [Benchmark(Description = ".NET Interactive: execute 1+1 round trip (to idle)")]
    public string DotnetInteractiveExecute() => Run(_dotnetInteractive);

    private static string Run(KernelProcess kernel)
    {
        var run = kernel.Client.Execute("1+1");
        return run.Status == "ok" ? run.Status : throw new InvalidOperationException(run.Reply.Content.ToJsonString());
    }
}
