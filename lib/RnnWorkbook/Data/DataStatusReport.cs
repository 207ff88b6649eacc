using System.Text;

namespace RnnWorkbook.Data;

/// <summary>
/// Where every dataset file stands on this machine; the engine's <c>doctor</c> command prints it so a
/// missing corpus is found before a chapter fails half-way.
/// </summary>
/// <param name="Locations">The mirror and cache folders that were searched.</param>
/// <param name="Files">One entry per file in the catalog, in manifest order.</param>
public sealed record DataStatusReport(DataLocations Locations, IReadOnlyList<DataFileStatus> Files)
{
    /// <summary>True when every file has a verified local copy.</summary>
    public bool AllAvailable => Files.All(f => f.IsAvailable);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"mirror: {Locations.MirrorRoot ?? $"(none; set {DataLocations.MirrorVariable})"}");
        text.AppendLine($"cache:  {Locations.CacheRoot}");
        var width = Files.Count == 0 ? 0 : Files.Max(f => f.File.DisplayName.Length);
        foreach (var file in Files)
        {
            var where = file.State == DataFileState.Missing ? $"put it at {file.Location}" : file.Location;
            text.AppendLine($"{file.File.DisplayName.PadRight(width)}  {file.State.ToString().ToLowerInvariant(),-7}  {where}");
            if (file.Problem is not null)
                text.AppendLine($"{new string(' ', width)}  {file.Problem}");
        }

        return text.ToString();
    }
}
