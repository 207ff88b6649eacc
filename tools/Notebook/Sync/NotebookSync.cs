using RnnWorkbook.Notebook.Documents;

namespace RnnWorkbook.Notebook.Sync;

/// <summary>
/// Keeps teaching cells equal to the library. <see cref="Check"/> lists the cells that drifted;
/// <see cref="Fix"/> rewrites them from the library (the library is the source of truth).
/// </summary>
public static class NotebookSync
{
    public const string FixCommand = "dotnet run --project tools/Notebook -c Release -- sync notebooks";

    public static IReadOnlyList<SyncProblem> Check(string notebookPath, string repositoryRoot)
    {
        var notebook = NotebookDocument.Load(notebookPath);
        var problems = new List<SyncProblem>();
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (cell.Kind != CellKind.Code || TeachingCell.Parse(cell.Source) is not { } teaching)
            {
                continue;
            }

            string expected;
            try
            {
                expected = teaching.ExpectedSource(repositoryRoot);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                problems.Add(new SyncProblem(notebookPath, i + 1, teaching, e.Message, null));
                continue;
            }

            if (Normalize(cell.Source) != Normalize(expected))
            {
                problems.Add(new SyncProblem(notebookPath, i + 1, teaching, FirstDifference(cell.Source, expected), expected));
            }
        }

        return problems;
    }

    /// <summary>Rewrites drifted teaching cells from the library; returns how many changed.</summary>
    public static int Fix(string notebookPath, string repositoryRoot)
    {
        var problems = Check(notebookPath, repositoryRoot);
        var fixable = problems.Where(p => p.Expected is not null).ToList();
        if (problems.Count > fixable.Count)
        {
            throw new InvalidDataException(string.Join("\n", problems.Where(p => p.Expected is null).Select(p => p.Describe())));
        }

        if (fixable.Count == 0)
        {
            return 0;
        }

        var notebook = NotebookDocument.Load(notebookPath);
        foreach (var problem in fixable)
        {
            notebook.Cells[problem.CellNumber - 1].Json["source"] = IpynbFormat.SplitLines(problem.Expected!);
        }

        IpynbFormat.Write(notebook, notebookPath);
        return fixable.Count;
    }

    private static string Normalize(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');

    private static string FirstDifference(string actual, string expected)
    {
        var a = Normalize(actual).Split('\n');
        var e = Normalize(expected).Split('\n');
        for (var i = 0; i < Math.Max(a.Length, e.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(end of cell)";
            var right = i < e.Length ? e[i] : "(end of library code)";
            if (left != right)
            {
                return $"line {i + 1} of the cell is \"{left.Trim()}\" but the library has \"{right.Trim()}\"";
            }
        }

        return "the cell differs from the library";
    }
}

/// <summary>A teaching cell that no longer matches the library code it shows.</summary>
public sealed record SyncProblem(string NotebookPath, int CellNumber, TeachingCell Cell, string Difference, string? Expected)
{
    public string Describe() =>
        $"{NotebookPath}, cell {CellNumber} ({Cell.HeaderLine[3..]}): {Difference}. Fix: {NotebookSync.FixCommand}";
}
