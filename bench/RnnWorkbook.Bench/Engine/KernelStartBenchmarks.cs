using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace RnnWorkbook.Bench.Engine;

/// <summary>
/// How long Jupyter waits for the kernel: process start of <c>dotnet Notebook.dll kernel run &lt;file&gt;</c> to
/// the kernel_info_reply received by a client. Target ≤ 2 s. Peer: the same engine process printing its
/// usage and exiting, which is what any start of the engine costs.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class KernelStartBenchmarks
{
    private string _folder = "";
    private KernelProcess? _kernel;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "rnnworkbook-kernel-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(_folder);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [IterationCleanup]
    public void StopKernel()
    {
        _kernel?.Dispose();
        _kernel = null;
    }

    [Benchmark(Baseline = true, Description = "engine process start and exit (notebook --help)")]
    public void EngineStart() => ProcessRun.Dotnet(BenchPaths.Engine, "--help");

    [Benchmark(Description = "kernel start → kernel_info_reply")]
    public void StartToKernelInfo()
    {
        _kernel = new KernelProcess(_folder);
        _kernel.KernelInfo();
    }
}
