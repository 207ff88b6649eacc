namespace RnnWorkbook.Data;

/// <summary>
/// The two folders a dataset file may come from: a read-only mirror laid out
/// <c>&lt;mirror&gt;/&lt;dataset&gt;/&lt;file&gt;</c> (machines without internet), and a writable cache that
/// downloads land in. Both have the same layout, so a file can be copied by hand into either.
/// </summary>
/// <param name="MirrorRoot">The mirror folder, or null when there is none.</param>
/// <param name="CacheRoot">The cache folder; created on the first download.</param>
public sealed record DataLocations(string? MirrorRoot, string CacheRoot)
{
    /// <summary>The environment variable naming the mirror folder (CI sets it to <c>../shared/data</c>).</summary>
    public const string MirrorVariable = "RNNWORKBOOK_DATA_MIRROR";

    /// <summary>The environment variable naming the cache folder.</summary>
    public const string CacheVariable = "RNNWORKBOOK_DATA_CACHE";

    /// <summary>The manifest's path relative to the repository root; finding it identifies the repository.</summary>
    public const string ManifestPath = "data/datasets.json";

    /// <summary>The cache folder; never empty.</summary>
    public string CacheRoot { get; init; } = string.IsNullOrWhiteSpace(CacheRoot)
        ? throw new ArgumentException("The cache folder must be a non-empty path.", nameof(CacheRoot))
        : CacheRoot;

    /// <summary>
    /// The locations for this machine: the mirror from <see cref="MirrorVariable"/>; the cache from
    /// <see cref="CacheVariable"/>, else <c>data/cache/</c> in the repository, else <c>~/.cache/rnnworkbook</c>.
    /// </summary>
    public static DataLocations FromEnvironment() => FromVariables(
        Environment.GetEnvironmentVariable(MirrorVariable),
        Environment.GetEnvironmentVariable(CacheVariable));

    /// <summary>The locations given the values of the two variables (null or blank when unset).</summary>
    internal static DataLocations FromVariables(string? mirror, string? cache)
    {
        if (string.IsNullOrWhiteSpace(cache))
        {
            var repository = FindRepository();
            cache = repository is not null
                ? Path.Combine(repository, "data", "cache")
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "rnnworkbook");
        }

        return new DataLocations(
            string.IsNullOrWhiteSpace(mirror) ? null : Path.GetFullPath(mirror),
            Path.GetFullPath(cache));
    }

    /// <summary>
    /// The repository root: the first folder holding <c>data/datasets.json</c> walking up from the current
    /// directory, then from the library's own location. Null when neither is inside the repository.
    /// </summary>
    public static string? FindRepository()
    {
        var library = typeof(DataLocations).Assembly.Location;
        string?[] starts = [Environment.CurrentDirectory, library.Length > 0 ? Path.GetDirectoryName(library) : null];
        foreach (var start in starts)
        {
            for (var folder = start is null ? null : new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, ManifestPath)))
                    return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>Where <paramref name="file"/> would be in the mirror, or null when there is no mirror.</summary>
    public string? MirrorPath(DatasetFile file) => MirrorRoot is null ? null : Under(MirrorRoot, file);

    /// <summary>Where <paramref name="file"/> is, or will be, in the cache.</summary>
    public string CachePath(DatasetFile file) => Under(CacheRoot, file);

    /// <summary>
    /// The places a good copy of <paramref name="file"/> may be put by hand, in the order they are searched:
    /// the mirror path (when there is a mirror), then the cache path.
    /// </summary>
    public IReadOnlyList<string> PlacesFor(DatasetFile file) =>
        MirrorPath(file) is { } mirror ? [mirror, CachePath(file)] : [CachePath(file)];

    private static string Under(string root, DatasetFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Path.Combine([root, file.Dataset, .. file.RelativePath.Split('/')]);
    }
}
