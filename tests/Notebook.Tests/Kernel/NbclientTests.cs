using System.Diagnostics;
using RnnWorkbook.Notebook.Kernel;
using RnnWorkbook.Notebook.Runner;

namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary>
/// A real Jupyter client runs the workbook: nbclient executes every notebook under notebooks/ through the
/// kernel (kernelspec installed into a temporary prefix), and each code cell's output types must equal the
/// headless runner's.
/// </summary>
public class NbclientTests
{
    private static readonly TimeSpan s_limit = TimeSpan.FromMinutes(10);

    [NbclientFact]
    public async Task Nbclient_runs_every_notebook_through_the_kernel_with_the_runners_output_types()
    {
        using var folder = new TempFolder();
        var runnerOutput = folder.File("runner");
        var runner = new NotebookRunner(new RunOptions(TimeSpan.FromMinutes(5), runnerOutput), TextWriter.Null);
        foreach (var notebook in Directory.EnumerateFiles(Repository.Notebooks, "*.ipynb"))
        {
            var result = await runner.RunAsync(notebook);
            Assert.True(result.Succeeded, result.DescribeFailure());
        }

        var kernels = KernelSpecInstaller.PrefixKernelsDirectory(folder.File("prefix"));
        KernelSpecInstaller.Install(kernels, DotnetHost.Path, typeof(KernelCommand).Assembly.Location);
        var script = Path.Combine(AppContext.BaseDirectory, "Kernel", "run_with_nbclient.py");
        var start = new ProcessStartInfo(NbclientFactAttribute.Python, [script, Repository.Notebooks, runnerOutput, folder.File("nbclient")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["JUPYTER_PATH"] = Path.GetDirectoryName(kernels);
        start.Environment["JUPYTER_RUNTIME_DIR"] = folder.File("runtime");
        start.Environment["JUPYTER_PLATFORM_DIRS"] = "1";

        using var python = Process.Start(start)!;
        var stdout = python.StandardOutput.ReadToEndAsync();
        var stderr = python.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_limit);
        try
        {
            await python.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            python.Kill(entireProcessTree: true);
            Assert.Fail($"nbclient did not finish within {s_limit}:\n{await stdout}");
        }

        var report = $"{await stdout}\n{await stderr}";
        Assert.True(python.ExitCode == 0, report);
        Assert.Contains("notebooks through nbclient, 0 problems", report);
        Assert.Contains("00-setup.ipynb:", report);
    }
}
