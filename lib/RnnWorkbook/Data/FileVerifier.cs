using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace RnnWorkbook.Data;

/// <summary>
/// Checks that a local copy of a dataset file has the manifest's size and SHA-256. The size is checked on
/// every call; the hash once per file and process, remembered by path, length and write time, because
/// hashing a megabyte corpus on every cell run would be wasted work.
/// </summary>
internal sealed class FileVerifier
{
    private readonly ConcurrentDictionary<string, (long Length, DateTime WrittenUtc)> _verified = new();

    /// <summary>The lowercase hexadecimal SHA-256 of the file's bytes.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Throws <see cref="DatasetUnavailableException"/> unless the copy at <paramref name="path"/> matches the manifest.</summary>
    public void Verify(DatasetFile file, string path)
    {
        var info = new FileInfo(path);
        if (info.Length != file.Size)
            throw Corrupt(file, path, $"it has {info.Length:N0} bytes, not the expected {file.Size:N0}", actualSha256: null);

        var stamp = (info.Length, info.LastWriteTimeUtc);
        if (_verified.TryGetValue(info.FullName, out var seen) && seen == stamp)
            return;

        var actual = Sha256Of(path);
        if (actual != file.Sha256)
            throw Corrupt(file, path, $"its SHA-256 is {actual}, not the expected {file.Sha256}", actual);

        _verified[info.FullName] = stamp;
    }

    /// <summary>Records that the copy at <paramref name="path"/> was just verified (e.g. while it was downloaded).</summary>
    public void Remember(string path)
    {
        var info = new FileInfo(path);
        _verified[info.FullName] = (info.Length, info.LastWriteTimeUtc);
    }

    private static DatasetUnavailableException Corrupt(DatasetFile file, string path, string problem, string? actualSha256) =>
        new($"Dataset file {file.DisplayName} at {path} does not match the manifest: {problem}. " +
            $"Replace it with a good copy ({file.Size:N0} bytes, SHA-256 {file.Sha256}) from {file.Url}, " +
            "or delete it so that it is looked for elsewhere.",
            file, path, actualSha256);
}
