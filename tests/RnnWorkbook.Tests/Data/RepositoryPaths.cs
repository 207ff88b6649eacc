using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Data;

/// <summary>Folders the data tests read: the repository, its samples, and the read-only mirror beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = DataLocations.FindRepository()
        ?? throw new InvalidOperationException("The tests must run inside the repository (no data/datasets.json found above them).");

    public static string Samples { get; } = Path.Combine(Root, "data", "samples");

    /// <summary>The real corpora: CI runs in a clone with shared/ beside it, as this machine has /work/shared.</summary>
    public static string RealMirror { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    public static string Sample(string name) => Path.Combine(Samples, name);
}
