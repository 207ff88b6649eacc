using RnnWorkbook.Notebook.Execution;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// A cell's text as the C# parser should see it while the cell is being edited: the lines the engine handles
/// itself (<c>#!time</c>, <c>#r "nuget: ..."</c>, as <see cref="CellPreprocessor.IsMagicLine"/> decides, the one
/// parser of magic lines) become spaces of the same length, so every other character keeps its position for
/// completion, inspection and completeness checks.
/// </summary>
public static class CellMask
{
    public static string Mask(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (CellPreprocessor.IsMagicLine(line))
            {
                lines[i] = new string(' ', line.Length) + lines[i][line.Length..];
            }
        }

        return string.Join('\n', lines);
    }
}
