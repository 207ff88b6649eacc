using System.Diagnostics;

namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary>
/// A fact that needs nbclient (see <see cref="NbclientFactAttribute"/>) and the real .NET Interactive, the
/// repository's local tool (.config/dotnet-tools.json, <c>dotnet tool restore</c>); skipped, saying which is missing.
/// </summary>
public sealed class DotnetInteractiveFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> s_missing = new(FindMissing);

    public DotnetInteractiveFactAttribute()
    {
        if (new NbclientFactAttribute().Skip is { } nbclient)
        {
            Skip = nbclient;
        }
        else if (s_missing.Value is { } reason)
        {
            Skip = reason;
        }
    }

    /// <summary>Installs .NET Interactive's kernelspecs under <paramref name="folder"/>/kernels; returns that folder.</summary>
    public static async Task<string> InstallKernelAsync(string folder)
    {
        var kernels = Path.Combine(folder, "kernels");
        Directory.CreateDirectory(kernels);
        var (code, output) = await RunToolAsync(["jupyter", "install", "--path", kernels]);
        Assert.True(code == 0 && File.Exists(Path.Combine(kernels, ".net-csharp", "kernel.json")), $"dotnet-interactive jupyter install failed:\n{output}");
        return kernels;
    }

    private static string? FindMissing()
    {
        var (code, output) = RunToolAsync(["--version"]).GetAwaiter().GetResult();
        return code == 0 ? null : $"the local tool dotnet-interactive is not restored (run `dotnet tool restore` in the repository): {output.Trim()}";
    }

    /// <summary>Runs <c>dotnet dotnet-interactive ARGS</c> in the repository, where its tool manifest is.</summary>
    private static async Task<(int Code, string Output)> RunToolAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", ["dotnet-interactive", .. arguments])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
