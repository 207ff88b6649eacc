namespace RnnWorkbook.Notebook.Kernel;

/// <summary>How a kernel runs its cells.</summary>
/// <param name="NotebookPath">
/// The notebook the kernel serves: relative <c>#r</c> paths resolve against its folder. Jupyter starts
/// kernels in the notebook's folder, so the default is a notebook in the working directory.
/// </param>
/// <param name="NugetCacheDirectory">Where packages outside the workbook's set are restored (see <see cref="NugetRestorer"/>).</param>
public sealed record KernelOptions(string NotebookPath, string NugetCacheDirectory)
{
    /// <summary>The notebook named by the client (<c>JPY_SESSION_NAME</c>) or one in the working directory, and the user's package cache.</summary>
    public static KernelOptions Default()
    {
        var named = Environment.GetEnvironmentVariable("JPY_SESSION_NAME");
        var notebook = !string.IsNullOrEmpty(named) && Path.IsPathFullyQualified(named) && File.Exists(named)
            ? named
            : Path.Combine(Environment.CurrentDirectory, "notebook.ipynb");
        return new KernelOptions(notebook, NugetRestorer.DefaultCacheDirectory());
    }
}
