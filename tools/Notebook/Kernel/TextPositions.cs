namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// Converts between Jupyter's cursor positions (Unicode code points, protocol 5.2 and later) and .NET
/// string indexes (UTF-16 code units); they differ only after characters outside the BMP, such as emoji.
/// </summary>
public static class TextPositions
{
    public static int ToIndex(string text, int codePoints)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = 0;
        for (var seen = 0; seen < codePoints && index < text.Length; seen++)
        {
            index += char.IsSurrogatePair(text, index) ? 2 : 1;
        }

        return index;
    }

    public static int ToCodePoints(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        foreach (var _ in text.AsSpan(0, Math.Clamp(index, 0, text.Length)).EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
