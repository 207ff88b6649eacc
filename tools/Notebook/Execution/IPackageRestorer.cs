namespace RnnWorkbook.Notebook.Execution;

/// <summary>
/// Loads a package that is not one of the workbook's: the Jupyter kernel restores it from the NuGet feed so
/// a learner can try another library. The headless runner has none, so its notebooks stay within the set.
/// </summary>
public interface IPackageRestorer
{
    /// <summary>Restores <paramref name="reference"/> and returns the paths of its managed assemblies and its dependencies'.</summary>
    /// <exception cref="NotebookException">The package cannot be restored; the message says why.</exception>
    Task<IReadOnlyList<string>> RestoreAsync(PackageReference reference, CancellationToken cancellationToken);
}
