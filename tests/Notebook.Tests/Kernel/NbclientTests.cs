using System.Diagnostics;
using RnnWorkbook.Notebook.Documents;
using RnnWorkbook.Notebook.Kernel;
using RnnWorkbook.Notebook.Runner;

namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary>
/// Real Jupyter clients run the workbook: nbclient executes every chapter, with the quick parameters of
/// notebooks/quick-parameters.json, through our kernel and through the real .NET Interactive kernel (the
/// repository's local tool), and each code cell's output types must equal those of the runner's full run
/// (<see cref="ExecutedChapters"/>, shared with the chapter tests, so no chapter runs in full twice).
/// </summary>
public class NbclientTests
{
    private static readonly TimeSpan s_limit = TimeSpan.FromMinutes(20);

    private static string Harness => Path.Combine(AppContext.BaseDirectory, "Kernel", "run_with_nbclient.py");

    private static string QuickParameters => Path.Combine(Repository.Notebooks, "quick-parameters.json");

    [NbclientFact]
    public async Task Every_chapter_runs_through_our_kernel_with_the_runners_output_types()
    {
        using var folder = new TempFolder();
        var runnerOutput = await ExecutedChapters.AllAsync();
        var kernels = InstallOurKernel(folder);

        var (exitCode, report) = await RunHarnessAsync(folder, kernels,
            ["--engine", "ours", "--quick", QuickParameters, Repository.Notebooks, runnerOutput, folder.File("nbclient")]);

        Assert.True(exitCode == 0, report);
        Assert.Contains("notebooks through nbclient (ours), 0 problems", report);
        Assert.Contains("00-setup.ipynb:", report);
    }

    [DotnetInteractiveFact]
    public async Task Every_chapter_runs_through_the_real_dotnet_interactive_kernel_with_the_runners_output_types()
    {
        using var folder = new TempFolder();
        var runnerOutput = await ExecutedChapters.AllAsync();
        var kernels = await DotnetInteractiveFactAttribute.InstallKernelAsync(folder.File("dotnet-interactive"));

        var (exitCode, report) = await RunHarnessAsync(folder, kernels,
            ["--engine", "dotnet-interactive", "--quick", QuickParameters, Repository.Notebooks, runnerOutput, folder.File("nbclient")]);

        // The report names every chapter, then every differing cell ("MISMATCH 01-x.ipynb, cell 12: ...").
        Assert.True(exitCode == 0, report);
        Assert.Contains("notebooks through nbclient (dotnet-interactive), 0 problems", report);
        Assert.Contains("00-setup.ipynb:", report);
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

    private static string InstallOurKernel(TempFolder folder)
    {
        var kernels = KernelSpecInstaller.PrefixKernelsDirectory(folder.File("prefix"));
        KernelSpecInstaller.Install(kernels, DotnetHost.Path, typeof(KernelCommand).Assembly.Location);
        return kernels;
    }

    /// <summary>Runs the harness with JUPYTER_PATH at the folder holding <paramref name="kernels"/>; returns its exit code and output.</summary>
    private static async Task<(int ExitCode, string Report)> RunHarnessAsync(TempFolder folder, string kernels, string[] arguments)
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
