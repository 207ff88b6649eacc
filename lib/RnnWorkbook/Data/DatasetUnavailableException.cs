namespace RnnWorkbook.Data;

/// <summary>
/// A dataset file could not be provided: it is in no local folder and the download failed, or a copy did
/// not match the manifest's size or SHA-256. The message says which file, what was expected and seen, and
/// exactly where to put a good copy.
/// </summary>
public sealed class DatasetUnavailableException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> should already say where to put the file.</summary>
    public DatasetUnavailableException(
        string message,
        DatasetFile file,
        string expectedLocation,
        string? actualSha256 = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrEmpty(expectedLocation);
        File = file;
        ExpectedLocation = expectedLocation;
        ActualSha256 = actualSha256;
    }

    /// <summary>The manifest entry of the file that is unavailable.</summary>
    public DatasetFile File { get; }

    /// <summary>The SHA-256 the manifest expects.</summary>
    public string ExpectedSha256 => File.Sha256;

    /// <summary>The SHA-256 of the bytes that were found, when a copy was found and hashed.</summary>
    public string? ActualSha256 { get; }

    /// <summary>Where a good copy of the file should be put (the mirror path when there is a mirror, else the cache path).</summary>
    public string ExpectedLocation { get; }
}
