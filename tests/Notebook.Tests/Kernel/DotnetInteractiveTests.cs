namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary>
/// The same notebooks under the real .NET Interactive (the kernel Polyglot Notebooks runs), pinned in
/// .config/dotnet-tools.json: every chapter, with its quick parameters, through that kernel's kernelspec, cell by
/// cell with the runner's output types. Its own class, so that it runs beside <see cref="NbclientTests"/>.
/// </summary>
public class DotnetInteractiveTests
{
    [DotnetInteractiveFact]
    public async Task Every_chapter_runs_through_the_real_dotnet_interactive_kernel_with_the_runners_output_types()
    {
        using var folder = new TempFolder();
        var kernels = await DotnetInteractiveFactAttribute.InstallKernelAsync(folder.File("dotnet-interactive"));

        var report = await NbclientTests.RunChaptersAsync(folder, "dotnet-interactive", kernels);

        Assert.Contains("notebooks through nbclient (dotnet-interactive), 0 problems", report);
        Assert.Contains("00-setup.ipynb:", report);
    }
}
