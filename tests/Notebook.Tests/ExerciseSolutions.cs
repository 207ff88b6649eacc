using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RnnWorkbook.Notebook.Documents;

namespace RnnWorkbook.Notebook.Tests;

/// <summary>
/// The chapters' exercise layout (DEVELOPERS.md, "Exercises"): a code cell tagged <c>exercise</c> holds the
/// stub; a later markdown cell, before the next exercise, holds the worked solution as ```csharp blocks
/// inside <c>&lt;details&gt;</c>. <see cref="Substitute"/> gives the notebook with each stub replaced by its
/// solution, so the tests can run every solution against its check.
/// </summary>
internal static partial class ExerciseSolutions
{
    public const string Tag = "exercise";

    /// <summary>One exercise: the stub's cell, the solution's cell (0-based) and the solution's code.</summary>
    public sealed record Exercise(int StubCell, int SolutionCell, string Solution);

    public static IReadOnlyList<Exercise> Find(NotebookDocument notebook)
    {
        var stubs = Enumerable.Range(0, notebook.Cells.Count)
            .Where(i => notebook.Cells[i].Kind == CellKind.Code && notebook.Cells[i].Tags.Contains(Tag))
            .ToList();
        var exercises = new List<Exercise>();
        for (var s = 0; s < stubs.Count; s++)
        {
            var end = s + 1 < stubs.Count ? stubs[s + 1] : notebook.Cells.Count;
            var solution = Enumerable.Range(stubs[s] + 1, end - stubs[s] - 1)
                .Select(i => (Index: i, Code: SolutionCode(notebook.Cells[i])))
                .FirstOrDefault(c => c.Code is not null);
            if (solution.Code is null)
            {
                throw new InvalidDataException(
                    $"{Path.GetFileName(notebook.Path)}: cell {stubs[s] + 1} is tagged '{Tag}' but no markdown cell with a <details> ```csharp solution follows it before the next exercise.");
            }

            exercises.Add(new Exercise(stubs[s], solution.Index, solution.Code));
        }

        return exercises;
    }

    /// <summary>The notebook with every exercise stub replaced by its solution (same path, so relative paths resolve).</summary>
    public static NotebookDocument Substitute(NotebookDocument notebook)
    {
        var json = (JsonObject)notebook.Json.DeepClone();
        var cells = json["cells"]!.AsArray();
        foreach (var exercise in Find(notebook))
        {
            cells[exercise.StubCell]!["source"] = IpynbFormat.SplitLines(exercise.Solution);
        }

        return IpynbFormat.Parse(notebook.Path, json.ToJsonString());
    }

    /// <summary>
    /// What check cells printed, per code cell that calls <c>Check.Exercise</c>, after a run: one entry per
    /// outcome, its first line (✓, ✗ or ◻) followed by the indented lines that explain it.
    /// </summary>
    public static IReadOnlyList<(int Cell, IReadOnlyList<string> Outcomes)> CheckOutcomes(NotebookDocument executed) =>
        Enumerable.Range(0, executed.Cells.Count)
            .Where(i => executed.Cells[i].Kind == CellKind.Code && executed.Cells[i].Source.Contains("Check.Exercise(", StringComparison.Ordinal))
            .Select(i => (i, Outcomes(StreamText(executed.Cells[i]))))
            .ToList();

    private static IReadOnlyList<string> Outcomes(string printed)
    {
        var outcomes = new List<string>();
        foreach (var line in printed.Split('\n'))
        {
            if (line.StartsWith('✓') || line.StartsWith('✗') || line.StartsWith('◻'))
            {
                outcomes.Add(line);
            }
            else if (line.StartsWith("  ", StringComparison.Ordinal) && outcomes.Count > 0)
            {
                outcomes[^1] += "\n" + line;
            }
        }

        return outcomes;
    }

    private static string StreamText(NotebookCell cell) =>
        string.Concat((cell.Json["outputs"] as JsonArray ?? [])
            .Where(o => o?["output_type"]?.GetValue<string>() == "stream")
            .Select(o => Notebooks.Text(o!["text"])));

    private static string? SolutionCode(NotebookCell cell)
    {
        if (cell.Kind != CellKind.Markdown || !cell.Source.Contains("<details>", StringComparison.Ordinal))
        {
            return null;
        }

        var blocks = CSharpFence().Matches(cell.Source).Select(m => m.Groups["code"].Value).ToList();
        return blocks.Count == 0 ? null : string.Join("\n\n", blocks).TrimEnd();
    }

    [GeneratedRegex(@"^```(?:csharp|cs|c#)[ \t]*\n(?<code>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpFence();
}
