namespace RnnWorkbook.Notebook.Execution;

/// <summary>
/// A problem with a notebook's content that the engine reports as the cell's error; <see cref="Line"/> is the
/// 1-based line inside the cell when the problem is on one line, and then also starts the message.
/// </summary>
public sealed class NotebookException(string message, int? line = null)
    : Exception(line is null ? message : $"line {line}: {message}")
{
    public int? Line { get; } = line;
}
