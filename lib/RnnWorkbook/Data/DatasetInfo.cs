namespace RnnWorkbook.Data;

/// <summary>
/// A dataset from the manifest: what it is, under which licence it may be used, how to cite it, and its
/// files. Chapters print this so every corpus is credited where it is used.
/// </summary>
/// <param name="Name">The short name used in code and as the folder name, e.g. "tinyshakespeare".</param>
/// <param name="Description">One or two sentences on what the corpus holds.</param>
/// <param name="Licence">The licence the corpus is published under.</param>
/// <param name="Citation">How to credit the corpus.</param>
/// <param name="Homepage">Where the corpus is published.</param>
/// <param name="Files">The files of the dataset, in manifest order.</param>
public sealed record DatasetInfo(
    string Name,
    string Description,
    string Licence,
    string Citation,
    Uri Homepage,
    IReadOnlyList<DatasetFile> Files)
{
    /// <summary>The file with the given path inside the dataset folder.</summary>
    /// <exception cref="ArgumentException">The dataset has no such file; the message lists the files it has.</exception>
    public DatasetFile File(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        foreach (var file in Files)
        {
            if (file.RelativePath == relativePath)
                return file;
        }

        var known = string.Join(", ", Files.Select(f => f.RelativePath));
        throw new ArgumentException(
            $"Dataset '{Name}' has no file '{relativePath}'. Its files are: {known}.", nameof(relativePath));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Description} Licence: {Licence} Cite: {Citation}";
}
