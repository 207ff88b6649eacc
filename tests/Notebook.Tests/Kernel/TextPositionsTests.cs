using RnnWorkbook.Notebook.Kernel;

namespace RnnWorkbook.Notebook.Tests.Kernel;

public class TextPositionsTests
{
    [Fact]
    public void Cursor_positions_count_code_points_as_jupyter_does()
    {
        const string text = "var s = \"😀\"; s.";
        Assert.Equal(text.Length, TextPositions.ToIndex(text, text.Length - 1));
        Assert.Equal(text.Length - 1, TextPositions.ToCodePoints(text, text.Length));
        Assert.Equal(5, TextPositions.ToIndex("hello", 99));
    }
}
