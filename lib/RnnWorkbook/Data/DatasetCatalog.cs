using System.Text.Json;

namespace RnnWorkbook.Data;

/// <summary>
/// The list of datasets the workbook uses, read from the manifest <c>data/datasets.json</c>. The manifest
/// is embedded in the library, so a notebook finds it from any folder.
/// </summary>
public sealed class DatasetCatalog
{
    /// <summary>The name under which <c>data/datasets.json</c> is embedded in the library.</summary>
    public const string ResourceName = "RnnWorkbook.Data.datasets.json";

    private static readonly Lazy<DatasetCatalog> _default = new(LoadEmbedded);

    /// <summary>Creates a catalog of the given datasets (tests build small ones by hand).</summary>
    /// <exception cref="ArgumentException">Two datasets share a name.</exception>
    public DatasetCatalog(IEnumerable<DatasetInfo> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        Datasets = datasets.ToArray();
        var duplicate = Datasets.GroupBy(d => d.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Dataset '{duplicate.Key}' is listed twice.", nameof(datasets));
    }

    /// <summary>The catalog embedded in the library.</summary>
    public static DatasetCatalog Default => _default.Value;

    /// <summary>The datasets in manifest order.</summary>
    public IReadOnlyList<DatasetInfo> Datasets { get; }

    /// <summary>Every file of every dataset.</summary>
    public IEnumerable<DatasetFile> Files => Datasets.SelectMany(d => d.Files);

    /// <summary>The dataset with the given name.</summary>
    /// <exception cref="ArgumentException">No dataset has that name; the message lists the known names.</exception>
    public DatasetInfo this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            foreach (var dataset in Datasets)
            {
                if (dataset.Name == name)
                    return dataset;
            }

            var known = string.Join(", ", Datasets.Select(d => d.Name));
            throw new ArgumentException($"Unknown dataset '{name}'. Known datasets: {known}.", nameof(name));
        }
    }

    /// <summary>The file <paramref name="relativePath"/> of dataset <paramref name="dataset"/>.</summary>
    public DatasetFile File(string dataset, string relativePath) => this[dataset].File(relativePath);

    /// <summary>Reads a manifest in the format of <c>data/datasets.json</c>.</summary>
    /// <exception cref="InvalidDataException">The manifest lacks a field or has one of the wrong kind.</exception>
    public static DatasetCatalog Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return new DatasetCatalog(ManifestReader.ReadDatasets(document.RootElement));
    }

    private static DatasetCatalog LoadEmbedded()
    {
        using var stream = typeof(DatasetCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"The library has no embedded resource '{ResourceName}'; it is built from data/datasets.json.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
