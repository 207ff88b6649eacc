using System.Diagnostics;

namespace RnnWorkbook.Bench.Engine;

/// <summary>Runs <c>dotnet &lt;dll&gt; args</c> to completion and fails loudly on a non-zero exit.</summary>
internal static class ProcessRun
{
    public static void Dotnet(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} exited {process.ExitCode}:\n{output.Result}\n{error.Result}");
        }
    }
}
