using RnnWorkbook.Notebook.Documents;

namespace RnnWorkbook.Notebook.Sync;

/// <summary>
/// Keeps teaching cells and the teaching excerpts of markdown cells equal to the library. <see cref="Check"/> lists the cells that drifted;
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
            if (cell.Kind == CellKind.Code && TeachingCell.Parse(cell.Source) is { } teaching)
            {
                problems.AddRange(Compare(notebookPath, i + 1, teaching, cell.Source, repositoryRoot));
            }
            else if (cell.Kind == CellKind.Markdown)
            {
                problems.AddRange(CheckExcerpts(notebookPath, i + 1, cell.Source, repositoryRoot));
            }
        }

        return problems;
    }

    /// <summary>
    /// A markdown cell's excerpts. A drifted excerpt's <see cref="SyncProblem.Expected"/> is the whole cell with
    /// every excerpt rewritten, so fixing any of them fixes the cell.
    /// </summary>
    private static IEnumerable<SyncProblem> CheckExcerpts(string notebookPath, int cellNumber, string markdown, string repositoryRoot)
    {
        var excerpts = TeachingExcerpt.Find(markdown);
        var problems = excerpts
            .SelectMany(e => Compare(notebookPath, cellNumber, e.Cell, e.Code(markdown), repositoryRoot))
            .ToList();
        if (problems.Count == 0 || problems.Any(p => p.Expected is null))
        {
            return problems;
        }

        var fixedCell = TeachingExcerpt.Rewrite(markdown, excerpts, c => c.ExpectedSource(repositoryRoot));
        return problems.Select(p => p with { Expected = fixedCell });
    }

    private static IEnumerable<SyncProblem> Compare(string notebookPath, int cellNumber, TeachingCell teaching, string shown, string repositoryRoot)
    {
        string expected;
        try
        {
            expected = teaching.ExpectedSource(repositoryRoot);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return [new SyncProblem(notebookPath, cellNumber, teaching, e.Message, null)];
        }

        return Normalize(shown) == Normalize(expected)
            ? []
            : [new SyncProblem(notebookPath, cellNumber, teaching, FirstDifference(shown, expected), expected)];
    }

    /// <summary>Rewrites drifted teaching cells and excerpt cells from the library; returns how many cells changed.</summary>
    public static int Fix(string notebookPath, string repositoryRoot)
    {
        var problems = Check(notebookPath, repositoryRoot);
        var unfixable = problems.Where(p => p.Expected is null).ToList();
        if (unfixable.Count > 0)
        {
            throw new InvalidDataException(string.Join("\n", unfixable.Select(p => p.Describe())));
        }

        var fixable = problems.DistinctBy(p => p.CellNumber).ToList();

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
