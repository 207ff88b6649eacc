namespace RnnWorkbook.Notebook.Tests;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = RepositoryLocator.Find()
        ?? throw new InvalidOperationException($"The tests must run inside the repository ({RepositoryLocator.SolutionFile} not found).");

    public static string Notebooks => Path.Combine(Root, "notebooks");
}
