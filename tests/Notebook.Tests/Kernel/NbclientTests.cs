using System.Diagnostics;
using RnnWorkbook.Notebook.Documents;
using RnnWorkbook.Notebook.Kernel;
using RnnWorkbook.Notebook.Runner;

namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary>
/// A real Jupyter client runs the workbook: nbclient executes every chapter, with the quick parameters of
/// notebooks/quick-parameters.json, through our kernel (and, in <see cref="DotnetInteractiveTests"/>, through the
/// real .NET Interactive kernel), and each code cell's output types must equal those of the runner's full run
/// (<see cref="ExecutedChapters"/>, shared with the chapter tests, so no chapter runs in full twice).
/// </summary>
public class NbclientTests
{
    private static readonly TimeSpan s_limit = TimeSpan.FromMinutes(30);

    internal static string Harness => Path.Combine(AppContext.BaseDirectory, "Kernel", "run_with_nbclient.py");

    [NbclientFact]
    public async Task Every_chapter_runs_through_our_kernel_with_the_runners_output_types()
    {
        using var folder = new TempFolder();
        var report = await RunChaptersAsync(folder, "ours", InstallOurKernel(folder));

        Assert.Contains("notebooks through nbclient (ours), 0 problems", report);
        Assert.Contains("00-setup.ipynb:", report);
    }

    /// <summary>
    /// Runs every chapter through the kernel at <paramref name="kernels"/> while the runner's full runs are made
    /// (two cores: both progress), then compares; fails with the harness's report (every differing cell named).
    /// </summary>
    /// <summary>Runs <paramref name="chapters"/> (default: all) through a kernel with nbclient, then compares them with
    /// the runner's full runs; returns the harness's report.</summary>
    internal static async Task<string> RunChaptersAsync(TempFolder folder, string engine, string kernels, IReadOnlyList<string>? chapters = null)
    {
        var copies = folder.File("nbclient");
        string[] only = chapters is null ? [] : ["--only", string.Join(",", chapters)];
        var execution = RunHarnessAsync(folder, kernels,
            ["--engine", engine, "--phase", "execute", "--quick", QuickParameters.File, .. only, Repository.Notebooks, ExecutedChapters.OutputDirectory, copies]);
        var runnerOutput = await ExecutedChapters.AllAsync(chapters);
        var (_, executed) = await execution;
        var (exitCode, compared) = await RunHarnessAsync(folder, kernels,
            ["--engine", engine, "--phase", "compare", "--quick", QuickParameters.File, .. only, Repository.Notebooks, runnerOutput, copies]);
        var report = $"{executed}\n{compared}";
        Assert.True(exitCode == 0, report);
        return report;
    }

    [NbclientFact]
    public async Task The_harness_injects_quick_parameters_and_names_each_differing_cell()
    {
        using var folder = new TempFolder();
        var notebooks = Directory.CreateDirectory(folder.File("notebooks")).FullName;
        var runnerOutput = folder.File("runner");
        var sized = Path.Combine(notebooks, "a-sized.ipynb");
        File.WriteAllText(sized, NotebookTemplate.Document(
        [
            Notebooks.Tagged("int epochs = 3;", NotebookParameters.ParametersTag),
            NotebookTemplate.CodeCell("Console.WriteLine($\"epochs {epochs}\");"),
            NotebookTemplate.CodeCell("epochs * 2"),
        ]).ToJsonString());
        var runner = new NotebookRunner(new RunOptions(OutputDirectory: runnerOutput), TextWriter.Null);
        Assert.True((await runner.RunAsync(sized)).Succeeded);
        // A runner copy that shows a display where the kernel gives a result: the harness must say so.
        var runnerCopy = Path.Combine(runnerOutput, "a-sized.ipynb");
        var executed = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(runnerCopy))!;
        var result = executed["cells"]![2]!["outputs"]![0]!.AsObject();
        result["output_type"] = "display_data";
        result.Remove("execution_count");
        File.WriteAllText(runnerCopy, executed.ToJsonString());
        var quick = folder.File("quick.json");
        File.WriteAllText(quick, """{ "a-sized.ipynb": { "epochs": "1" } }""");

        var (exitCode, report) = await RunHarnessAsync(folder, InstallOurKernel(folder),
            ["--engine", "ours", "--quick", quick, notebooks, runnerOutput, folder.File("nbclient")]);

        Assert.Equal(1, exitCode);
        Assert.Contains("a-sized.ipynb: 3 code cells through the ours kernel", report);
        Assert.Contains("MISMATCH a-sized.ipynb, cell 3: ours kernel ['execute_result'] but runner ['display_data']", report);
        Assert.Contains("1 notebooks through nbclient (ours), 1 problems", report);
        var kernelCopy = NotebookDocument.Load(folder.File("nbclient/a-sized.ipynb"));
        Assert.Equal(["injected-parameters"], kernelCopy.Cells[1].Tags);
        Assert.Contains("epochs 1", Notebooks.Text(kernelCopy.Cells[2].Json["outputs"]![0]!["text"]));

        File.WriteAllText(quick, """{ "a-sized.ipynb": { "epoch": "1" } }""");
        (exitCode, report) = await RunHarnessAsync(folder, InstallOurKernel(folder),
            ["--engine", "ours", "--quick", quick, notebooks, runnerOutput, folder.File("nbclient")]);
        Assert.Equal(1, exitCode);
        Assert.Contains("MISMATCH a-sized.ipynb: 'epoch' is not a parameter of this notebook; its parameters cell declares epochs", report);
    }

    internal static string InstallOurKernel(TempFolder folder)
    {
        var kernels = KernelSpecInstaller.PrefixKernelsDirectory(folder.File("prefix"));
        KernelSpecInstaller.Install(kernels, DotnetHost.Path, typeof(KernelCommand).Assembly.Location);
        return kernels;
    }

    /// <summary>Runs the harness with JUPYTER_PATH at the folder holding <paramref name="kernels"/>; returns its exit code and output.</summary>
    internal static async Task<(int ExitCode, string Report)> RunHarnessAsync(TempFolder folder, string kernels, string[] arguments)
    {
        var start = new ProcessStartInfo(NbclientFactAttribute.Python, [Harness, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["JUPYTER_PATH"] = Path.GetDirectoryName(kernels);
        start.Environment["JUPYTER_RUNTIME_DIR"] = folder.File("runtime");
        start.Environment["JUPYTER_PLATFORM_DIRS"] = "1";
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";

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

        return (python.ExitCode, $"{await stdout}\n{await stderr}");
    }
}
