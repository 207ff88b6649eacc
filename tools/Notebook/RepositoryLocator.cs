namespace RnnWorkbook.Notebook;

/// <summary>Finds the workbook repository (the folder holding RnnWorkbook.slnx) above a starting folder.</summary>
public static class RepositoryLocator
{
    public const string SolutionFile = "RnnWorkbook.slnx";

    /// <summary>The repository above the current folder or above the engine itself; null when neither is inside one.</summary>
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
