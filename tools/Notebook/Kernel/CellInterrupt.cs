namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// Stops a running cell's loops when the kernel is interrupted. The kernel inserts a call to
/// <see cref="Check"/> at the top of every loop body of a cell (see <see cref="LoopInterruptRewriter"/>),
/// so <c>while (true) { }</c> ends with an <see cref="OperationCanceledException"/>. While no cell is being
/// interrupted the check is one volatile read; only then does it look up the interrupted cell's token,
/// which flows with the cell (threads and tasks it starts included) through an <see cref="AsyncLocal{T}"/>.
/// </summary>
public static class CellInterrupt
{
    private static readonly AsyncLocal<CancellationToken> s_token = new();
    private static int s_interruptedCells;

    /// <summary>Throws when the cell this code runs for has been interrupted.</summary>
    public static void Check()
    {
        if (Volatile.Read(ref s_interruptedCells) != 0)
        {
            s_token.Value.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Makes <paramref name="token"/> the token that <see cref="Check"/> honours on this flow until disposed.</summary>
    internal static IDisposable Enter(CancellationToken token)
    {
        var previous = s_token.Value;
        s_token.Value = token;
        var counted = 0;
        var registration = token.Register(() =>
        {
            if (Interlocked.Exchange(ref counted, 1) == 0)
            {
                Interlocked.Increment(ref s_interruptedCells);
            }
        });
        return new Scope(registration, () =>
        {
            s_token.Value = previous;
            if (Interlocked.Exchange(ref counted, 2) == 1)
            {
                Interlocked.Decrement(ref s_interruptedCells);
            }
        });
    }

    private sealed class Scope(CancellationTokenRegistration registration, Action release) : IDisposable
    {
        public void Dispose()
        {
            registration.Dispose();
            release();
        }
    }
}
