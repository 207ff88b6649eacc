using RnnWorkbook.Notebook.Documents;
using RnnWorkbook.Notebook.Runner;

namespace RnnWorkbook.Notebook.Tests;

/// <summary>Every chapter has at least three checked exercises, and every worked solution passes its check.</summary>
public class ExerciseSolutionTests
{
    /// <summary>
    /// Chapters whose exercises are still in the old layout (no <c>exercise</c> tag, solutions in one folded
    /// block). The "lm" helper converts them this session; remove a chapter once it follows DEVELOPERS.md.
    /// </summary>
    private static readonly HashSet<string> s_notConverted = [];

    public static TheoryData<string> ChaptersWithExercises() => new(
        Directory.EnumerateFiles(Repository.Notebooks, "*.ipynb").Order(StringComparer.Ordinal)
            .Where(p => ExerciseSolutions.Find(NotebookDocument.Load(p)).Count > 0)
            .Select(Path.GetFileName)!);

    [Fact]
    public void Every_chapter_has_at_least_three_exercises_with_stubs_and_solutions()
    {
        var problems = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Repository.Notebooks, "*.ipynb").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var notebook = NotebookDocument.Load(path);
            var exercises = ExerciseSolutions.Find(notebook);
            if (s_notConverted.Contains(name))
            {
                if (exercises.Count > 0)
                {
                    problems.Add($"{name} has tagged exercises now: remove it from s_notConverted");
                }

                continue;
            }

            if (exercises.Count < 3)
            {
                problems.Add($"{name}: {exercises.Count} exercises (cells tagged '{ExerciseSolutions.Tag}'), at least 3 expected");
            }

            problems.AddRange(exercises
                .Where(e => !notebook.Cells[e.StubCell].Source.Contains("NotImplementedException", StringComparison.Ordinal))
                .Select(e => $"{name}: the stub in cell {e.StubCell + 1} does not throw NotImplementedException"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(ChaptersWithExercises))]
    public async Task Chapter_exercise_solutions_pass_their_checks(string chapter)
    {
        var solved = ExerciseSolutions.Substitute(NotebookDocument.Load(Path.Combine(Repository.Notebooks, chapter)));

        var failures = await RunAndCollectFailures(solved, Path.Combine(Repository.Root, "artifacts", "solutions"));

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_wrong_solution_is_caught_and_a_missing_one_is_named()
    {
        using var folder = new TempFolder();
        var library = Path.Combine(Repository.Root, "lib", "RnnWorkbook", "bin", "RnnWorkbook.dll").Replace('\\', '/');
        var path = Notebooks.WriteIpynb(folder, "exercises.ipynb",
        [
            NotebookTemplate.CodeCell($"#r \"{library}\"\nusing RnnWorkbook.Display;"),
            Notebooks.Tagged("int Twice(int x) => throw new NotImplementedException();", ExerciseSolutions.Tag),
            NotebookTemplate.CodeCell("Check.Exercise(\"twice\", e => e.Cases([(2, 4), (5, 10)], Twice), \"add x to itself\");"),
            NotebookTemplate.MarkdownCell("<details>\n<summary>Solution</summary>\n\n```csharp\nint Twice(int x) => x + 2;\n```\n\n</details>"),
        ]);
        var notebook = NotebookDocument.Load(path);

        Assert.Equal("int Twice(int x) => x + 2;", Assert.Single(ExerciseSolutions.Find(notebook)).Solution);
        var failures = await RunAndCollectFailures(ExerciseSolutions.Substitute(notebook), folder.Path);
        Assert.Equal("exercises.ipynb, cell 3: ✗ twice: not yet.", Assert.Single(failures));

        var withoutSolution = NotebookTemplate.Document(
            [Notebooks.Tagged("int Twice(int x) => throw new NotImplementedException();", ExerciseSolutions.Tag)]);
        File.WriteAllText(path, withoutSolution.ToJsonString());
        var error = Assert.Throws<InvalidDataException>(() => ExerciseSolutions.Find(NotebookDocument.Load(path)));
        Assert.StartsWith("exercises.ipynb: cell 1 is tagged 'exercise' but no markdown cell", error.Message);
    }

    private static async Task<List<string>> RunAndCollectFailures(NotebookDocument solved, string output)
    {
        var log = new StringWriter();
        var result = await new NotebookRunner(new RunOptions(TimeSpan.FromMinutes(10), output), log).RunAsync(solved);
        Assert.True(result.Succeeded, $"{result.DescribeFailure()}\n{log}");
        var name = Path.GetFileName(solved.Path);
        var failures = new List<string>();
        foreach (var (cell, lines) in ExerciseSolutions.CheckOutcomes(solved))
        {
            if (lines.Count == 0)
            {
                failures.Add($"{name}, cell {cell + 1}: calls Check.Exercise but printed no outcome");
            }

            failures.AddRange(lines.Where(l => !l.StartsWith('✓')).Select(l => $"{name}, cell {cell + 1}: {l}"));
        }

        return failures;
    }
}
