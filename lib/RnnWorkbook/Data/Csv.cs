using System.Text;

namespace RnnWorkbook.Data;

/// <summary>
/// Reads comma-separated values as RFC 4180 describes them: a field in double quotes may hold commas,
/// line breaks and doubled quotes (<c>""</c> for one <c>"</c>). Files saved on Windows end lines in CR LF;
/// the stray CR is dropped, and a line break inside quotes becomes a plain <c>\n</c>. Blank lines are
/// skipped. A quote inside an unquoted field is kept as an ordinary character.
/// </summary>
public static class Csv
{
    private const int End = -1;

    /// <summary>The records of <paramref name="reader"/>, read lazily.</summary>
    /// <param name="reader">The CSV text; a leading byte-order mark is skipped.</param>
    /// <param name="source">How error messages name the input, e.g. the file name.</param>
    /// <exception cref="InvalidDataException">A quote is never closed, or text follows a closing quote; the message names the line.</exception>
    public static IEnumerable<CsvRow> ReadRows(TextReader reader, string source = "CSV")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        return ReadRowsLazily(reader, source);
    }

    private static IEnumerable<CsvRow> ReadRowsLazily(TextReader reader, string source)
    {
        if (reader.Peek() == '\uFEFF')
            reader.Read();

        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;      // the current field began with a quote
        var inQuotes = false;    // between that quote and its closing quote
        var afterQuote = false;  // the closing quote has been read; only ',' or a line end may follow
        var rowHadQuote = false; // a line holding only "" is a record with one empty field, not a blank line

        while (true)
        {
            var c = reader.Read();
            if (inQuotes)
            {
                switch (c)
                {
                    case End:
                        throw new InvalidDataException($"{source} line {rowLine}: a quoted field is never closed.");
                    case '"' when reader.Peek() == '"':
                        reader.Read();
                        field.Append('"');
                        break;
                    case '"':
                        inQuotes = false;
                        afterQuote = true;
                        break;
                    case '\r' when reader.Peek() == '\n':
                        break;
                    case '\n':
                        line++;
                        field.Append('\n');
                        break;
                    default:
                        field.Append((char)c);
                        break;
                }

                continue;
            }

            if (c is End or '\n' or ',')
            {
                fields.Add(quoted ? field.ToString() : TrimLineEnd(field, c));
                field.Clear();
                quoted = afterQuote = false;
                if (c == ',')
                    continue;

                if (fields.Count > 1 || fields[0].Length > 0 || rowHadQuote)
                    yield return new CsvRow(rowLine, fields.ToArray());
                fields.Clear();
                rowHadQuote = false;
                if (c == End)
                    yield break;
                rowLine = ++line;
                continue;
            }

            if (afterQuote)
            {
                if (c == '\r')
                    continue;
                throw new InvalidDataException(
                    $"{source} line {line}: unexpected '{(char)c}' after the closing quote of field {fields.Count + 1}; " +
                    "a quoted field must be followed by a comma or the end of the line.");
            }

            if (c == '"' && field.Length == 0)
            {
                quoted = inQuotes = rowHadQuote = true;
                continue;
            }

            field.Append((char)c);
        }
    }

    // The CR of a CR LF line end (and any run of them) is not part of the last field.
    private static string TrimLineEnd(StringBuilder field, int terminator)
    {
        if (terminator != ',')
        {
            while (field.Length > 0 && field[^1] == '\r')
                field.Length--;
        }

        return field.ToString();
    }
}
