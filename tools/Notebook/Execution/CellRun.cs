using System.Globalization;
using RnnWorkbook.Notebook.Formatting;

namespace RnnWorkbook.Notebook.Execution;

/// <summary>The outcome of running one cell: its result value (if any), its error (if any), and its wall time.</summary>
public sealed record CellRun(MimeBundle? Result, CellError? Error, TimeSpan Elapsed, bool Timed)
{
    public bool Succeeded => Error is null;

    /// <summary>What <c>#!time</c> prints after the cell: "Wall time: 12.34 ms" and a newline.</summary>
    public string WallTimeText => string.Create(CultureInfo.InvariantCulture, $"Wall time: {Elapsed.TotalMilliseconds:0.##} ms\n");
}
