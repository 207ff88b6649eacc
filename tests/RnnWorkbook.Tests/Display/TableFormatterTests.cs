using Microsoft.DotNet.Interactive.Formatting;
using RnnWorkbook.Display;

namespace RnnWorkbook.Tests.Display;

public class TableFormatterTests
{
    [Fact]
    public void Loading_the_library_makes_sequences_of_records_tables_in_any_interactive_host()
    {
        // The library's module initializer registers the formatter; .NET Interactive gets the same tables this way.
        _ = Charts.Palette;
        var html = new[] { new { Token = "the", Count = 6287 } }.ToDisplayString("text/html");
        Assert.StartsWith("<table class=\"rnnworkbook-table\"><thead><tr><th style=\"text-align: left\">Token</th><th style=\"text-align: right\">Count</th>", html);
        Assert.Contains("<td style=\"text-align: right\">6287</td>", html);
    }

    [Theory]
    [InlineData(typeof(int), false)]
    [InlineData(typeof(string), false)]
    [InlineData(typeof(int[]), false)]
    [InlineData(typeof(Series), true)]
    [InlineData(typeof(ValueTuple<int, string>), true)]
    [InlineData(typeof(KeyValuePair<string, int>), true)]
    [InlineData(typeof(Chart), false)]
    public void Records_tuples_and_pairs_are_rows_other_types_are_not(Type type, bool isRecord)
    {
        Assert.Equal(isRecord, TableFormatter.IsRecord(type));
    }
}
