using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace RnnWorkbook.Bench.Engine;

/// <summary>
/// How long a learner waits for the kernel: process start of <c>dotnet Notebook.dll kernel run &lt;file&gt;</c> to
/// the kernel_info_reply (target ≤ 2 s), and to the first result (<c>1+1</c>'s execute_result), against the
/// real .NET Interactive kernel (the local tool, as its kernelspec starts it) in the same run: ours must be
/// ahead. Peer for the process cost: the engine printing its usage and exiting.
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

    [Benchmark(Description = "engine process start and exit (notebook --help)")]
    public void EngineStart() => ProcessRun.Dotnet(BenchPaths.Engine, "--help");

    [Benchmark(Description = "kernel start → kernel_info_reply")]
    public void StartToKernelInfo()
    {
        _kernel = new KernelProcess(_folder);
        _kernel.KernelInfo();
    }

    [Benchmark(Baseline = true, Description = "ours: kernel start → first result (1+1)")]
    public string StartToFirstResult()
    {
        _kernel = new KernelProcess(_folder);
        _kernel.KernelInfo();
        return _kernel.OnePlusOne();
    }

    [Benchmark(Description = ".NET Interactive: kernel start → first result (1+1)")]
    public string DotnetInteractiveStartToFirstResult()
    {
        _kernel = new KernelProcess(_folder, KernelFlavor.DotnetInteractive);
        _kernel.KernelInfo();
        return _kernel.OnePlusOne();
    }
}
