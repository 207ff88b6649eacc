namespace RnnWorkbook.Display;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports synchronously, on the training thread, so a notebook can
/// update a display in place: <c>var shown = display("…"); LiveProgress.Of&lt;TrainingProgress&gt;(p =&gt; shown.Update(p))</c>.
/// (<see cref="Progress{T}"/> posts reports to the thread pool, where they can arrive late or out of order.)
/// </summary>
public sealed class LiveProgress<T>(Action<T> onReport) : IProgress<T>
{
    private readonly Action<T> _onReport = onReport ?? throw new ArgumentNullException(nameof(onReport));

    public void Report(T value) => _onReport(value);
}

/// <summary>Creates <see cref="LiveProgress{T}"/> instances with the type inferred from the callback.</summary>
public static class LiveProgress
{
    public static LiveProgress<T> Of<T>(Action<T> onReport) => new(onReport);
}
