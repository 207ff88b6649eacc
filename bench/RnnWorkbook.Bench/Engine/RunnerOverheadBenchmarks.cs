using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using RnnWorkbook.Notebook.Documents;

namespace RnnWorkbook.Bench.Engine;

/// <summary>
/// The notebook engine's cost, measured as a learner meets it: whole processes, cold. Targets: engine start
/// to first cell result ≤ 3 s; a notebook through the runner ≤ 2 s slower than the same code compiled
/// (bench/NotebookPeer, whose Program.cs is split into the notebook's cells at its "// cell" markers).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class RunnerOverheadBenchmarks
{
    private string _folder = "";
    private string _oneCell = "";
    private string _peerNotebook = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "rnnworkbook-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(_folder);
        _oneCell = Write("one-cell.ipynb", [NotebookTemplate.CodeCell("1 + 1")]);
        _peerNotebook = Write("peer.ipynb", PeerCells().ToArray());
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "engine start → first cell result (1 + 1)")]
    public void StartToFirstResult() => ProcessRun.Dotnet(BenchPaths.Engine, "run", _oneCell, "--output", Path.Combine(_folder, "out"));

    [Benchmark(Baseline = true, Description = "peer code as a compiled console app")]
    public void PeerCompiled() => ProcessRun.Dotnet(BenchPaths.Peer);

    [Benchmark(Description = "peer code as a notebook through the runner")]
    public void PeerThroughRunner() => ProcessRun.Dotnet(BenchPaths.Engine, "run", _peerNotebook, "--output", Path.Combine(_folder, "out"));

    private static IEnumerable<JsonObject> PeerCells()
    {
        var source = File.ReadAllText(BenchPaths.PeerSource);
        var cells = source.Split("// cell", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        yield return NotebookTemplate.CodeCell(
            "#r \"nuget: TorchSharp-cpu, 0.107.0\"\n#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"");
        foreach (var cell in cells)
        {
            yield return NotebookTemplate.CodeCell(cell[(cell.IndexOf('\n') + 1)..]);
        }
    }

    private string Write(string name, JsonObject[] cells)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, NotebookTemplate.Document(cells).ToJsonString());
        return path;
    }
}
