using RnnWorkbook.Notebook.Documents;
using RnnWorkbook.Notebook.Sync;

namespace RnnWorkbook.Notebook.Tests;

public class SyncTests
{
    private const string LibraryFile = """
        using System;

        namespace RnnWorkbook.Demo;

        /// <summary>Doubles.</summary>
        public static class Doubler
        {
            #region Twice
            public static int Twice(int x)
            {
                #region Inner
                return 2 * x;
                #endregion
            }
            #endregion
        }
        """;

    [Fact]
    public void A_whole_file_loses_its_usings_and_namespace_line()
    {
        var code = LibrarySource.Extract(LibraryFile, null);
        Assert.StartsWith("/// <summary>Doubles.</summary>\npublic static class Doubler", code);
        Assert.EndsWith("}", code);
    }

    [Fact]
    public void A_region_is_cut_out_dedented_with_nested_regions_kept()
    {
        Assert.Equal("public static int Twice(int x)\n{\n    #region Inner\n    return 2 * x;\n    #endregion\n}", LibrarySource.Extract(LibraryFile, "Twice"));
        Assert.Equal("return 2 * x;", LibrarySource.Extract(LibraryFile, "Inner"));
        Assert.Contains("no '#region Missing'", Assert.Throws<InvalidDataException>(() => LibrarySource.Extract(LibraryFile, "Missing")).Message);
    }

    [Theory]
    [InlineData("// from lib/RnnWorkbook/Scratch/RnnCell.cs\nclass X {}", "lib/RnnWorkbook/Scratch/RnnCell.cs", null)]
    [InlineData("// from lib/RnnWorkbook/Text/Porter.cs#Step1a", "lib/RnnWorkbook/Text/Porter.cs", "Step1a")]
    public void The_header_line_names_file_and_region(string source, string path, string? region)
    {
        Assert.Equal(new TeachingCell(path, region), TeachingCell.Parse(source));
    }

    [Fact]
    public void Ordinary_cells_are_not_teaching_cells()
    {
        Assert.Null(TeachingCell.Parse("// a comment\nvar x = 1;"));
        Assert.Null(TeachingCell.Parse("var x = 1; // from lib/x.cs"));
    }

    [Fact]
    public void Drift_is_reported_with_the_fix_command_and_sync_repairs_it()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("lib/RnnWorkbook"));
        File.WriteAllText(folder.File("lib/RnnWorkbook/Doubler.cs"), LibraryFile);
        var good = "// from lib/RnnWorkbook/Doubler.cs#Inner\nreturn 2 * x;";
        var stale = "// from lib/RnnWorkbook/Doubler.cs#Twice\npublic static int Twice(int x) => x + x;";
        var path = Notebooks.WriteIpynb(folder, "chapter.ipynb", good, stale);

        var problem = Assert.Single(NotebookSync.Check(path, folder.Path));

        Assert.Equal(2, problem.CellNumber);
        Assert.Contains("line 2 of the cell is \"public static int Twice(int x) => x + x;\" but the library has \"public static int Twice(int x)\"", problem.Describe());
        Assert.Contains(NotebookSync.FixCommand, problem.Describe());

        Assert.Equal(1, NotebookSync.Fix(path, folder.Path));
        Assert.Empty(NotebookSync.Check(path, folder.Path));
        Assert.StartsWith("// from lib/RnnWorkbook/Doubler.cs#Twice\npublic static int Twice(int x)\n{", NotebookDocument.Load(path).Cells[1].Source);
    }

    [Fact]
    public void A_missing_source_file_is_a_problem_that_sync_cannot_fix()
    {
        using var folder = new TempFolder();
        var path = Notebooks.WriteIpynb(folder, "chapter.ipynb", "// from lib/RnnWorkbook/Gone.cs\nclass Gone {}");
        var problem = Assert.Single(NotebookSync.Check(path, folder.Path));
        Assert.Contains("lib/RnnWorkbook/Gone.cs, which does not exist", problem.Difference);
        Assert.Throws<InvalidDataException>(() => NotebookSync.Fix(path, folder.Path));
    }

    [Fact]
    public void A_markdown_excerpt_is_found_checked_and_rewritten_in_place()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("lib/RnnWorkbook"));
        File.WriteAllText(folder.File("lib/RnnWorkbook/Doubler.cs"), LibraryFile);
        var markdown = "The step:\n\n```csharp\n// from lib/RnnWorkbook/Doubler.cs#Inner\nreturn x + x;\n```\n\nand the whole method:\n\n"
                     + "```csharp\n// from lib/RnnWorkbook/Doubler.cs#Twice\npublic static int Twice(int x) => 2 * x;\n```\n\nThat is all.";
        var plainBlock = "```csharp\nvar y = 1; // from lib/RnnWorkbook/Doubler.cs\n```";
        var path = Notebooks.WriteIpynb(folder, "chapter.ipynb", [NotebookTemplate.MarkdownCell(markdown), NotebookTemplate.MarkdownCell(plainBlock)]);

        var excerpts = TeachingExcerpt.Find(markdown);
        Assert.Equal([("lib/RnnWorkbook/Doubler.cs", "Inner"), ("lib/RnnWorkbook/Doubler.cs", "Twice")], excerpts.Select(e => (e.Cell.RelativePath, e.Cell.Region)));
        Assert.Equal("// from lib/RnnWorkbook/Doubler.cs#Inner\nreturn x + x;", excerpts[0].Code(markdown));

        var problems = NotebookSync.Check(path, folder.Path);
        Assert.Equal([1, 1], problems.Select(p => p.CellNumber));
        Assert.Contains("line 2 of the cell is \"return x + x;\" but the library has \"return 2 * x;\"", problems[0].Describe());

        Assert.Equal(1, NotebookSync.Fix(path, folder.Path));
        Assert.Empty(NotebookSync.Check(path, folder.Path));
        var cells = NotebookDocument.Load(path).Cells;
        Assert.Equal("The step:\n\n```csharp\n// from lib/RnnWorkbook/Doubler.cs#Inner\nreturn 2 * x;\n```\n\nand the whole method:\n\n"
                     + "```csharp\n// from lib/RnnWorkbook/Doubler.cs#Twice\npublic static int Twice(int x)\n{\n    #region Inner\n    return 2 * x;\n    #endregion\n}\n```\n\nThat is all.", cells[0].Source);
        Assert.Equal(plainBlock, cells[1].Source);
    }

    [Fact]
    public void An_excerpt_naming_a_missing_region_is_a_problem_that_sync_cannot_fix()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("lib/RnnWorkbook"));
        File.WriteAllText(folder.File("lib/RnnWorkbook/Doubler.cs"), LibraryFile);
        var path = Notebooks.WriteIpynb(folder, "chapter.ipynb", [NotebookTemplate.MarkdownCell("```csharp\n// from lib/RnnWorkbook/Doubler.cs#Gone\nreturn 0;\n```")]);
        var problem = Assert.Single(NotebookSync.Check(path, folder.Path));
        Assert.Contains("no '#region Gone'", problem.Difference);
        Assert.Null(problem.Expected);
        Assert.Throws<InvalidDataException>(() => NotebookSync.Fix(path, folder.Path));
    }
}
