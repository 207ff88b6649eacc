using System.Text.RegularExpressions;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// A cell's text as the C# parser should see it while the cell is being edited: magic lines
/// (<c>#!time</c>, <c>#r "nuget: ..."</c>) become spaces of the same length, so every other character keeps
/// its position for completion, inspection and completeness checks.
/// </summary>
public static partial class CellMask
{
    public static string Mask(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return MagicLine().Replace(code, m => new string(' ', m.Length));
    }

    [GeneratedRegex("""^[ \t]*(#!.*|#r[ \t]+"nuget:[^"\r\n]*"[ \t]*)$""", RegexOptions.Multiline)]
    private static partial Regex MagicLine();
}
