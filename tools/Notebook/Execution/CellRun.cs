using RnnWorkbook.Notebook.Formatting;

namespace RnnWorkbook.Notebook.Execution;

/// <summary>The outcome of running one cell: its result value (if any), its error (if any), and its wall time.</summary>
public sealed record CellRun(MimeBundle? Result, CellError? Error, TimeSpan Elapsed, bool Timed)
{
    public bool Succeeded => Error is null;
}
