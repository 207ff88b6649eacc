using System.Text.Json.Nodes;
using RnnWorkbook.Platform;
using RnnWorkbook.Notebook.Documents;

namespace RnnWorkbook.Notebook.Tests;

public class DocumentTests
{
    [Fact]
    public void Nbformat44_is_read_and_written_as_45_with_ids_and_unknown_fields_kept()
    {
        using var folder = new TempFolder();
        var path = folder.File("old.ipynb");
        File.WriteAllText(path, """
            {"cells":[{"cell_type":"markdown","metadata":{"custom":1},"source":["# Title\n","text"]},
                      {"cell_type":"code","execution_count":3,"metadata":{"polyglot_notebook":{"kernelName":"csharp"},"collapsed":true},
                       "outputs":[],"source":"1 + 1"}],
             "metadata":{"kernelspec":{"name":".net-csharp"},"authors":["someone"]},"nbformat":4,"nbformat_minor":4,"extra":"kept"}
            """);

        var notebook = NotebookDocument.Load(path);
        Assert.Equal(["# Title\ntext", "1 + 1"], notebook.Cells.Select(c => c.Source));
        Assert.Equal([CellKind.Markdown, CellKind.Code], notebook.Cells.Select(c => c.Kind));
        IpynbFormat.Write(notebook, path);

        var saved = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.Equal(5, saved["nbformat_minor"]!.GetValue<int>());
        Assert.Equal("kept", saved["extra"]!.GetValue<string>());
        Assert.Equal("someone", saved["metadata"]!["authors"]![0]!.GetValue<string>());
        Assert.Equal(1, saved["cells"]![0]!["metadata"]!["custom"]!.GetValue<int>());
        Assert.True(saved["cells"]![1]!["metadata"]!["collapsed"]!.GetValue<bool>());
        var ids = saved["cells"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToArray();
        Assert.All(ids, id => Assert.Matches("^[a-zA-Z0-9-_]{1,64}$", id));
        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public void Cell_ids_are_stable_across_saves()
    {
        using var folder = new TempFolder();
        var path = Notebooks.WriteIpynb(folder, "a.ipynb", "1", "2");
        var first = IpynbFormat.Serialize(NotebookDocument.Load(path));
        File.WriteAllText(path, first);
        Assert.Equal(first, IpynbFormat.Serialize(NotebookDocument.Load(path)));
    }

    [Fact]
    public void Dib_cells_split_on_kernel_selectors_but_not_on_magics()
    {
        using var folder = new TempFolder();
        var path = folder.File("n.dib");
        File.WriteAllText(path, """
            #!meta

            {"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]}}

            #!markdown

            # Heading

            #!csharp

            #!time
            var x = 1;

            #!fsharp

            let y = 2
            """);

        var notebook = NotebookDocument.Load(path);

        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code], notebook.Cells.Select(c => c.Kind));
        Assert.Equal(["# Heading", "#!time\nvar x = 1;", "let y = 2"], notebook.Cells.Select(c => c.Source));
        Assert.Equal(["csharp", "csharp", "fsharp"], notebook.Cells.Select(c => c.Language));
        Assert.Equal(".net-csharp", notebook.Json["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Text_before_the_first_dib_selector_is_rejected()
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.dib");
        File.WriteAllText(path, "var x = 1;\n#!csharp\n1");
        var error = Assert.Throws<InvalidDataException>(() => NotebookDocument.Load(path));
        Assert.Contains("bad.dib", error.Message);
    }

    [Theory]
    [InlineData("""{"cells":[],"metadata":{},"nbformat":3,"nbformat_minor":0}""", "nbformat 3")]
    [InlineData("""{"cells": [""", "not valid JSON")]
    [InlineData("""{"metadata":{},"nbformat":4,"nbformat_minor":5}""", "missing 'cells'")]
    [InlineData("""{"cells":[{"cell_type":"widget","source":""}],"metadata":{},"nbformat":4,"nbformat_minor":5}""", "unknown cell_type 'widget'")]
    public void Malformed_notebooks_give_clear_errors(string json, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.File("broken.ipynb");
        File.WriteAllText(path, json);
        var error = Assert.Throws<InvalidDataException>(() => NotebookDocument.Load(path));
        Assert.Contains(expected, error.Message);
        Assert.Contains("broken.ipynb", error.Message);
    }

    [Fact]
    public void Atomic_write_replaces_the_file_and_leaves_no_temp_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("out.ipynb");
        File.WriteAllText(path, "old");
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["out.ipynb"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Split_lines_keeps_line_ends_like_jupyter()
    {
        Assert.Equal(["a\n", "b\n", "c"], IpynbFormat.SplitLines("a\nb\nc").Select(n => n!.GetValue<string>()));
        Assert.Empty(IpynbFormat.SplitLines(""));
    }
}
