namespace RnnWorkbook.Notebook.Execution;

/// <summary>
/// The sink of the cell running on this logical flow. Console output and <c>display</c> calls find their
/// cell through it, so several notebooks can run in one process (as the tests do) without mixing outputs.
/// </summary>
public static class OutputContext
{
    private static readonly AsyncLocal<IOutputSink?> s_current = new();
    private static readonly Lock s_installLock = new();
    private static bool s_installed;

    public static IOutputSink? Current => s_current.Value;

    /// <summary>Routes Console output and displays of this flow to <paramref name="sink"/> until disposed.</summary>
    public static IDisposable Enter(IOutputSink sink)
    {
        InstallConsoleRouting();
        var previous = s_current.Value;
        s_current.Value = sink;
        return new Scope(previous);
    }

    private static void InstallConsoleRouting()
    {
        lock (s_installLock)
        {
            if (s_installed)
            {
                return;
            }

            Console.SetOut(new RoutingTextWriter("stdout", Console.Out));
            Console.SetError(new RoutingTextWriter("stderr", Console.Error));
            s_installed = true;
        }
    }

    private sealed class Scope(IOutputSink? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}
