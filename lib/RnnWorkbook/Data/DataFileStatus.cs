namespace RnnWorkbook.Data;

/// <summary>One line of the status report: a dataset file and where it stands on this machine.</summary>
/// <param name="File">The manifest entry.</param>
/// <param name="State">Found in the mirror or the cache, missing, or corrupt.</param>
/// <param name="Location">Where the copy was found, or for a missing file where to put it.</param>
/// <param name="Problem">For a corrupt copy, what does not match; otherwise null.</param>
public sealed record DataFileStatus(DatasetFile File, DataFileState State, string Location, string? Problem)
{
    /// <summary>True when a verified local copy exists.</summary>
    public bool IsAvailable => State is DataFileState.Mirror or DataFileState.Cache;
}
