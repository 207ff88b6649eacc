namespace RnnWorkbook.Bench.Engine;

/// <summary>Paths of the built engine and peer, found from the repository root.</summary>
internal static class BenchPaths
{
    public static string Root { get; } = FindRoot();

    public static string Engine => Path.Combine(Root, "tools/Notebook/bin/Release/net10.0/Notebook.dll");

    public static string Peer => Path.Combine(Root, "bench/NotebookPeer/bin/Release/net10.0/NotebookPeer.dll");

    public static string PeerSource => Path.Combine(Root, "bench/NotebookPeer/Program.cs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RnnWorkbook.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
