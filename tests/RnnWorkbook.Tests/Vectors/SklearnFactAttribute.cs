using System.Diagnostics;

namespace RnnWorkbook.Tests.Vectors;

/// <summary>A fact compared with scikit-learn on the real corpora; skipped, saying why, when the mirror is absent or /usr/bin/python3 cannot import sklearn.</summary>
public sealed class SklearnFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> _missing = new(FindProblem);

    public SklearnFactAttribute()
    {
        if (!Directory.Exists(Data.RepositoryPaths.RealMirror))
            Skip = $"The data mirror {Data.RepositoryPaths.RealMirror} is absent.";
        else if (_missing.Value is { } problem)
            Skip = problem;
    }

    private static string? FindProblem()
    {
        if (!File.Exists(Python))
            return $"{Python} is absent; install python3-sklearn (apt-get install python3-sklearn) to compare with scikit-learn.";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Python, ["-c", "import sklearn"]) { RedirectStandardError = true })!;
            process.WaitForExit(60_000);
            return process.ExitCode == 0 ? null : $"{Python} cannot import sklearn; install python3-sklearn (apt-get install python3-sklearn) to compare with scikit-learn.";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{Python} cannot be started ({e.Message}).";
        }
    }
}
