namespace RnnWorkbook.Notebook.Execution;

/// <summary>A problem with a notebook's content that the engine reports as the cell's error.</summary>
public sealed class NotebookException(string message) : Exception(message);
