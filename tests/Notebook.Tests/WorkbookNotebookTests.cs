using RnnWorkbook.Notebook.Documents;
using RnnWorkbook.Notebook.Sync;

namespace RnnWorkbook.Notebook.Tests;

/// <summary>Every chapter in notebooks/ runs, and is committed the way the workbook stores chapters.</summary>
public class WorkbookNotebookTests
{
    public static TheoryData<string> Chapters() => new(ChapterFiles());

    private static IEnumerable<string> ChapterFiles() => ExecutedChapters.Names();

    [Fact]
    public void The_workbook_has_chapters()
    {
        Assert.Contains("00-setup.ipynb", ChapterFiles());
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public async Task Chapter_executes_without_errors(string chapter)
    {
        var (result, log) = await ExecutedChapters.RunAsync(chapter);

        Assert.True(result.Succeeded, $"{result.DescribeFailure()}\n{log}");
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Chapter_teaching_cells_match_the_library(string chapter)
    {
        var problems = NotebookSync.Check(Path.Combine(Repository.Notebooks, chapter), Repository.Root);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => p.Describe())));
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Chapter_is_committed_without_outputs_and_with_polyglot_metadata(string chapter)
    {
        var notebook = NotebookDocument.Load(Path.Combine(Repository.Notebooks, chapter));
        var metadata = notebook.Json["metadata"]!;

        Assert.Equal(".net-csharp", metadata["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("C#", metadata["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        Assert.Equal(5, notebook.Json["nbformat_minor"]!.GetValue<int>());
        foreach (var cell in notebook.Cells.Where(c => c.Kind == CellKind.Code))
        {
            Assert.Empty(cell.Json["outputs"]!.AsArray());
            Assert.Null(cell.Json["execution_count"]);
            Assert.Equal("csharp", cell.Json["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        }

        Assert.True(notebook.Cells.All(c => c.Json["id"] is not null), "every cell has an id (nbformat 4.5)");
    }
}
