using RnnWorkbook.Notebook.Execution;

namespace RnnWorkbook.Notebook.Runner;

/// <summary>The outcome of running one notebook.</summary>
public sealed record NotebookRunResult(
    string NotebookPath,
    string? OutputPath,
    int CellsRun,
    TimeSpan Elapsed,
    int? FailedCellNumber = null,
    CellError? Error = null,
    bool TimedOut = false)
{
    public bool Succeeded => Error is null;

    /// <summary>"notebooks/x.ipynb, cell 4, line 2: System.Exception: message".</summary>
    public string DescribeFailure() => Error is null
        ? ""
        : $"{NotebookPath}, cell {FailedCellNumber}, {Error.Describe()}";
}
