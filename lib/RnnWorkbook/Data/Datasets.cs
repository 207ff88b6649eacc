namespace RnnWorkbook.Data;

/// <summary>
/// The short way for a notebook to get a corpus: <c>Datasets.ReadAllText("tinyshakespeare", "input.txt")</c>.
/// Every call goes to <see cref="DatasetStore.Default"/>, which searches the mirror, then the cache, then
/// downloads.
/// </summary>
public static class Datasets
{
    /// <summary>The datasets the workbook uses, with licences and citations.</summary>
    public static DatasetCatalog Catalog => DatasetStore.Default.Catalog;

    /// <inheritdoc cref="DatasetStore.Path"/>
    public static string Path(string dataset, string file, IProgress<DownloadProgress>? progress = null) =>
        DatasetStore.Default.Path(dataset, file, progress);

    /// <inheritdoc cref="DatasetStore.PathAsync"/>
    public static Task<string> PathAsync(
        string dataset, string file, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default) =>
        DatasetStore.Default.PathAsync(dataset, file, progress, cancellationToken);

    /// <inheritdoc cref="DatasetStore.ReadAllText"/>
    public static string ReadAllText(string dataset, string file, IProgress<DownloadProgress>? progress = null) =>
        DatasetStore.Default.ReadAllText(dataset, file, progress);

    /// <inheritdoc cref="DatasetStore.Archive"/>
    public static DatasetArchive Archive(string dataset, string file, IProgress<DownloadProgress>? progress = null) =>
        DatasetStore.Default.Archive(dataset, file, progress);

    /// <inheritdoc cref="DatasetStore.Status"/>
    public static DataStatusReport Status() => DatasetStore.Default.Status();
}
