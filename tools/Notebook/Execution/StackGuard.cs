using System.Runtime.CompilerServices;

namespace RnnWorkbook.Notebook.Execution;

/// <summary>
/// Turns a runaway recursion in a cell into an error of that cell instead of a stack overflow, which .NET
/// cannot catch and which would end the process with every variable of the session. The engine inserts a call
/// to <see cref="Check"/> at the top of every method, local function, accessor and block-bodied lambda a cell
/// declares (<see cref="StackGuardRewriter"/>); when the thread's stack is nearly used up, it throws.
/// </summary>
public static class StackGuard
{
    /// <summary>The stack of the threads cells start on (runner and kernel): 16 MiB, 8 times a thread pool thread's.</summary>
    public const int CellStackSize = 16 * 1024 * 1024;

    /// <summary>Throws <see cref="InsufficientExecutionStackException"/> when little stack is left (RuntimeHelpers' margin).</summary>
    public static void Check()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new InsufficientExecutionStackException(
                "The cell's code called itself so deeply that the stack is nearly full (a recursion without a base case?). " +
                "It was stopped before the stack overflowed; the session and its variables are kept.");
        }
    }

    /// <summary>Runs <paramref name="work"/> on a new thread with a <see cref="CellStackSize"/> stack, as cells run.</summary>
    public static Task<T> RunOnCellThread<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                completion.SetResult(work().GetAwaiter().GetResult());
            }
            catch (Exception exception)
            {
                completion.SetException(exception);
            }
        }, CellStackSize)
        { IsBackground = true, Name = "notebook cell" };
        thread.Start();
        return completion.Task;
    }
}
