namespace RnnWorkbook.Data;

/// <summary>
/// Finds dataset files on this machine: first in the mirror, then in the cache, and only then downloads
/// them from upstream into the cache. Every copy is checked against the manifest's size and SHA-256, so a
/// chapter's numbers never silently come from a different file. Tests construct their own store with a
/// loopback <see cref="HttpClient"/> and temporary folders; notebooks use <see cref="Default"/> through
/// <see cref="Datasets"/>.
/// </summary>
public sealed class DatasetStore
{
    private static readonly Lazy<DatasetStore> _default = new(() => new DatasetStore(
        DatasetCatalog.Default,
        DataLocations.FromEnvironment(),
        new HttpClient { Timeout = TimeSpan.FromMinutes(2) }));

    private readonly FileVerifier _verifier = new();
    private readonly FileDownloader _downloader;

    /// <summary>Creates a store that looks for <paramref name="catalog"/>'s files in <paramref name="locations"/>.</summary>
    /// <param name="catalog">The datasets and their files.</param>
    /// <param name="locations">The mirror and cache folders.</param>
    /// <param name="http">The client downloads go through; the store does not dispose it.</param>
    public DatasetStore(DatasetCatalog catalog, DataLocations locations, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(locations);
        ArgumentNullException.ThrowIfNull(http);
        Catalog = catalog;
        Locations = locations;
        _downloader = new FileDownloader(http, locations);
    }

    /// <summary>The store for this machine: the embedded manifest and <see cref="DataLocations.FromEnvironment"/>.</summary>
    public static DatasetStore Default => _default.Value;

    /// <summary>The datasets this store knows.</summary>
    public DatasetCatalog Catalog { get; }

    /// <summary>The mirror and cache folders this store searches.</summary>
    public DataLocations Locations { get; }

    /// <summary>The full path of a verified local copy of the file, downloading it first if needed.</summary>
    /// <param name="dataset">The dataset's name, e.g. "tinyshakespeare".</param>
    /// <param name="file">The file's path inside the dataset folder, e.g. "input.txt".</param>
    /// <param name="progress">Receives download progress; not called when a local copy exists.</param>
    /// <exception cref="ArgumentException">The manifest has no such dataset or file.</exception>
    /// <exception cref="DatasetUnavailableException">A copy is corrupt, or there is none and the download failed.</exception>
    public string Path(string dataset, string file, IProgress<DownloadProgress>? progress = null) =>
        PathAsync(dataset, file, progress).GetAwaiter().GetResult();

    /// <summary>The full path of a verified local copy of the file, downloading it first if needed.</summary>
    /// <param name="dataset">The dataset's name, e.g. "tinyshakespeare".</param>
    /// <param name="file">The file's path inside the dataset folder, e.g. "input.txt".</param>
    /// <param name="progress">Receives download progress; not called when a local copy exists.</param>
    /// <param name="cancellationToken">Cancels a download in progress.</param>
    /// <exception cref="ArgumentException">The manifest has no such dataset or file.</exception>
    /// <exception cref="DatasetUnavailableException">A copy is corrupt, or there is none and the download failed.</exception>
    public async Task<string> PathAsync(
        string dataset, string file, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var entry = Catalog.File(dataset, file);
        if (FindLocal(entry) is { } local)
        {
            _verifier.Verify(entry, local);
            return local;
        }

        await _downloader.DownloadAsync(entry, progress, cancellationToken).ConfigureAwait(false);
        var cached = Locations.CachePath(entry);
        _verifier.Remember(cached);
        return cached;
    }

    /// <summary>The whole text of a dataset file (UTF-8, byte-order mark tolerated).</summary>
    /// <inheritdoc cref="Path" path="/param"/>
    public string ReadAllText(string dataset, string file, IProgress<DownloadProgress>? progress = null) =>
        PlainText.Read(Path(dataset, file, progress));

    /// <summary>
    /// A zip archive of the manifest (e.g. <c>Archive("nltk", "brown.zip")</c>), its SHA-256 checked like any
    /// other file, whose members can then be read or extracted into the cache.
    /// </summary>
    /// <inheritdoc cref="Path" path="/param"/>
    /// <inheritdoc cref="Path" path="/exception"/>
    public DatasetArchive Archive(string dataset, string file, IProgress<DownloadProgress>? progress = null) =>
        new(Catalog.File(dataset, file), Path(dataset, file, progress), Locations);

    /// <summary>
    /// For every file in the catalog, where it was found (and whether it matches the manifest) or where to
    /// put it. Hashes every local copy, so it takes as long as reading the corpora once.
    /// </summary>
    public DataStatusReport Status()
    {
        var files = new List<DataFileStatus>();
        foreach (var entry in Catalog.Files)
        {
            var local = FindLocal(entry);
            if (local is null)
            {
                files.Add(new DataFileStatus(entry, DataFileState.Missing, Locations.PlacesFor(entry)[0], Problem: null));
                continue;
            }

            var state = local == Locations.MirrorPath(entry) ? DataFileState.Mirror : DataFileState.Cache;
            try
            {
                _verifier.Verify(entry, local);
                files.Add(new DataFileStatus(entry, state, local, Problem: null));
            }
            catch (DatasetUnavailableException e)
            {
                files.Add(new DataFileStatus(entry, DataFileState.Corrupt, local, e.Message));
            }
        }

        return new DataStatusReport(Locations, files);
    }

    private string? FindLocal(DatasetFile entry)
    {
        if (Locations.MirrorPath(entry) is { } mirror && File.Exists(mirror))
            return mirror;
        var cache = Locations.CachePath(entry);
        return File.Exists(cache) ? cache : null;
    }
}
