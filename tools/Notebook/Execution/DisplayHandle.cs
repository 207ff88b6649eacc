using RnnWorkbook.Notebook.Formatting;

namespace RnnWorkbook.Notebook.Execution;

/// <summary>
/// Returned by <c>display(value)</c>: <see cref="Update"/> replaces what was shown, in place (progress
/// bars use it). In a kernel this is Jupyter's update_display_data; in the runner the saved output changes.
/// </summary>
public sealed class DisplayHandle
{
    private readonly IOutputSink _sink;

    internal DisplayHandle(IOutputSink sink, string displayId)
    {
        _sink = sink;
        DisplayId = displayId;
    }

    public string DisplayId { get; }

    public void Update(object? value) => _sink.UpdateDisplay(ValueFormatter.Format(value), DisplayId);
}
