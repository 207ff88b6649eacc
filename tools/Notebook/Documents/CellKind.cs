namespace RnnWorkbook.Notebook.Documents;

/// <summary>The kinds of cell the engine distinguishes; Jupyter's "raw" cells are kept but never run.</summary>
public enum CellKind
{
    Code,
    Markdown,
    Raw,
}
