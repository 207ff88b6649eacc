using RnnWorkbook.Notebook.Formatting;

namespace RnnWorkbook.Notebook.Execution;

/// <summary>
/// Members every cell can call without qualification, as in Polyglot Notebooks' C# kernel.
/// </summary>
public sealed class NotebookGlobals
{
    /// <summary>Shows <paramref name="value"/> below the cell and returns a handle to update it later.</summary>
#pragma warning disable IDE1006 // The lower-case name is the notebook convention learners know.
    public DisplayHandle display(object? value)
#pragma warning restore IDE1006
    {
        var sink = OutputContext.Current
            ?? throw new InvalidOperationException("display() can only be called while a cell runs.");
        var handle = new DisplayHandle(sink, Guid.NewGuid().ToString("N"));
        sink.Display(ValueFormatter.Format(value), handle.DisplayId);
        return handle;
    }
}
