using System.Diagnostics;

namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary>A fact that needs Debian's python3-nbclient and python3-jupyter-client under /usr/bin/python3; skipped, saying so, without them.</summary>
public sealed class NbclientFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> s_missing = new(FindMissing);

    public NbclientFactAttribute()
    {
        if (s_missing.Value is { } reason)
        {
            Skip = reason;
        }
    }

    private static string? FindMissing()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} is not installed (apt-get install python3-nbclient python3-jupyter-client).";
        }

        var start = new ProcessStartInfo(Python, ["-c", "import nbclient, nbformat, jupyter_client"]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"{Python} lacks nbclient/jupyter_client (apt-get install python3-nbclient python3-jupyter-client): {error.Trim()}";
    }
}
