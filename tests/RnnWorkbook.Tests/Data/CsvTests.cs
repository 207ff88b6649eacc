using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Data;

public sealed class CsvTests
{
    [Fact]
    public void Quoted_fields_keep_commas_and_undouble_quotes()
    {
        var rows = Rows("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n");

        Assert.Equal(2, rows.Length);
        Assert.Equal(new[] { "a", "b", "c" }, rows[0].Fields);
        Assert.Equal(new[] { "1", "x, y", "say \"hi\"" }, rows[1].Fields);
        Assert.Equal([1, 2], rows.Select(r => r.LineNumber));
    }

    [Fact]
    public void A_line_break_inside_quotes_stays_in_the_field_as_LF()
    {
        var rows = Rows("\"line one\r\nline two\",x\nnext,y");

        Assert.Equal(new[] { "line one\nline two", "x" }, rows[0].Fields);
        Assert.Equal(new[] { "next", "y" }, rows[1].Fields);
        Assert.Equal([1, 3], rows.Select(r => r.LineNumber));
    }

    [Fact]
    public void Stray_CRs_at_line_ends_are_dropped_and_blank_lines_skipped()
    {
        var rows = Rows("a,b\r\n\r\n\nc,d\r\r\n\"e\"\r\nf\r");

        Assert.Equal(new[] { "a", "b" }, rows[0].Fields);
        Assert.Equal(new[] { "c", "d" }, rows[1].Fields);
        Assert.Equal(new[] { "e" }, rows[2].Fields);
        Assert.Equal(new[] { "f" }, rows[3].Fields);
        Assert.Equal([1, 4, 5, 6], rows.Select(r => r.LineNumber));
    }

    [Fact]
    public void Empty_fields_and_an_empty_quoted_field_are_kept()
    {
        var rows = Rows(",,\n\"\"\n");

        Assert.Equal(new[] { "", "", "" }, rows[0].Fields);
        Assert.Equal(new[] { "" }, rows[1].Fields);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_an_ordinary_character()
    {
        Assert.Equal(new[] { "5\" tall", "x" }, Rows("5\" tall,x")[0].Fields);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        Assert.Equal(new[] { "Q", "A" }, Rows("\uFEFFQ,A\n")[0].Fields);
    }

    [Fact]
    public void An_unclosed_quote_names_the_line_it_opened_on()
    {
        var e = Assert.Throws<InvalidDataException>(() => Rows("a,b\n\"open,\nstill open\n"));

        Assert.Equal("test.csv line 2: a quoted field is never closed.", e.Message);
    }

    [Fact]
    public void Text_after_a_closing_quote_names_the_line_and_field()
    {
        var e = Assert.Throws<InvalidDataException>(() => Rows("a,b\nx,\"y\"z\n"));

        Assert.StartsWith("test.csv line 2: unexpected 'z' after the closing quote of field 2", e.Message);
    }

    private static CsvRow[] Rows(string text) => Csv.ReadRows(new StringReader(text), "test.csv").ToArray();
}
