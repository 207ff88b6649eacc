using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Data;

public sealed class PlainTextTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_byte_order_mark_is_dropped()
    {
        var path = Path.Combine(_folder.Path, "bom.txt");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "안녕\n"u8]);

        Assert.Equal("안녕\n", PlainText.Read(path));
        Assert.Equal("안녕", PlainText.Decode([0xEF, 0xBB, 0xBF, .. "안녕"u8]));
    }

    [Fact]
    public void Invalid_UTF8_is_an_error_naming_the_file()
    {
        var path = Path.Combine(_folder.Path, "latin1.txt");
        File.WriteAllBytes(path, [(byte)'c', (byte)'a', (byte)'f', 0xE9]);

        var e = Assert.Throws<InvalidDataException>(() => PlainText.Read(path));

        Assert.StartsWith($"{path} is not valid UTF-8", e.Message);
    }
}
