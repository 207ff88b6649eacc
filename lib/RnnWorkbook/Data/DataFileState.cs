namespace RnnWorkbook.Data;

/// <summary>Where a dataset file was found on this machine, as <see cref="DatasetStore.Status"/> reports it.</summary>
public enum DataFileState
{
    /// <summary>Found in the mirror and matching the manifest.</summary>
    Mirror,

    /// <summary>Found in the cache and matching the manifest.</summary>
    Cache,

    /// <summary>Not found locally; it will be downloaded on first use.</summary>
    Missing,

    /// <summary>Found, but its size or SHA-256 differs from the manifest.</summary>
    Corrupt,
}
