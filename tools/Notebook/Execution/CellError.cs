namespace RnnWorkbook.Notebook.Execution;

/// <summary>
/// Why a cell failed, in Jupyter's terms (ename, evalue, traceback) plus the line and column inside the
/// cell where that is known (1-based, counted from the cell's first line).
/// </summary>
public sealed record CellError(string Name, string Message, IReadOnlyList<string> Traceback, int? Line, int? Column)
{
    /// <summary>"line 3, column 5: message" or just the message when the position is unknown.</summary>
    public string Describe() => Line is { } line
        ? $"line {line}{(Column is { } column ? $", column {column}" : "")}: {Name}: {Message}"
        : $"{Name}: {Message}";
}
