namespace RnnWorkbook.Bench.Engine;

/// <summary>Paths of the built engine and peer, found from the repository root.</summary>
internal static class BenchPaths
{
    public static string Root { get; } = RnnWorkbook.Notebook.RepositoryLocator.Find()
        ?? throw new InvalidOperationException("Run the benchmarks from inside the repository.");

    public static string Engine => Path.Combine(Root, "tools/Notebook/bin/Release/net10.0/Notebook.dll");

    public static string Peer => Path.Combine(Root, "bench/NotebookPeer/bin/Release/net10.0/NotebookPeer.dll");

    public static string PeerSource => Path.Combine(Root, "bench/NotebookPeer/Program.cs");
}
