namespace RnnWorkbook.Data;

/// <summary>
/// One file of a dataset as the manifest names it: where it lives inside the dataset folder, where it is
/// published, and the SHA-256 and size that prove a copy is the one the chapters were written against.
/// </summary>
/// <param name="Dataset">The dataset's name, also its folder name in the mirror and the cache.</param>
/// <param name="RelativePath">The path inside the dataset folder, with '/' separators (e.g. "input.txt").</param>
/// <param name="Url">The upstream address the file is downloaded from when no local copy exists.</param>
/// <param name="Sha256">The expected SHA-256 of the file's bytes, 64 lowercase hexadecimal digits.</param>
/// <param name="Size">The expected size in bytes.</param>
public sealed record DatasetFile(string Dataset, string RelativePath, Uri Url, string Sha256, long Size)
{
    /// <summary>"dataset/relative-path", the way reports and messages name the file.</summary>
    public string DisplayName => $"{Dataset}/{RelativePath}";

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
