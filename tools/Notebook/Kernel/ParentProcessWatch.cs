using System.Diagnostics;
using System.Globalization;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// Ends a kernel whose Jupyter process died without shutting it down, as ipykernel does: jupyter_client
/// names itself in <c>JPY_PARENT_PID</c> (a process id on Linux and macOS; on Windows a handle, not watched).
/// </summary>
internal static class ParentProcessWatch
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(1);

    /// <summary>Completes when the parent named by <c>JPY_PARENT_PID</c> has ended; never without one.</summary>
    public static async Task ParentEndedAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows()
            || !int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || pid <= 1)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return;
        }

        using var timer = new PeriodicTimer(s_interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (!IsRunning(pid))
            {
                return;
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
