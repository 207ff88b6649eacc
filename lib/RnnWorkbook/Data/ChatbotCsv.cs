namespace RnnWorkbook.Data;

/// <summary>
/// Reads the Korean chatbot data (<c>chatbot-ko/ChatbotData.csv</c>, or a file in the same format): a
/// header <c>Q,A,label</c>, then one question/answer pair a record with a label 0, 1 or 2.
/// </summary>
public static class ChatbotCsv
{
    private static readonly string[] _header = ["Q", "A", "label"];

    /// <summary>The pairs of the file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">A record is malformed; the message names the file and the line.</exception>
    public static IReadOnlyList<ChatbotPair> Read(string path)
    {
        using var reader = PlainText.OpenText(path);
        return Parse(reader, Path.GetFileName(path));
    }

    /// <summary>The pairs in <paramref name="reader"/>.</summary>
    /// <param name="reader">CSV text starting with the header <c>Q,A,label</c>.</param>
    /// <param name="source">How error messages name the input.</param>
    /// <exception cref="InvalidDataException">The header is wrong or a record is malformed; the message names the line.</exception>
    public static IReadOnlyList<ChatbotPair> Parse(TextReader reader, string source = "chatbot CSV")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var pairs = new List<ChatbotPair>();
        var sawHeader = false;
        foreach (var row in Csv.ReadRows(reader, source))
        {
            if (!sawHeader)
            {
                if (!row.Fields.SequenceEqual(_header))
                    throw new InvalidDataException(
                        $"{source} line {row.LineNumber}: expected the header Q,A,label but found {string.Join(",", row.Fields)}.");
                sawHeader = true;
                continue;
            }

            if (row.Fields.Count != 3)
                throw new InvalidDataException(
                    $"{source} line {row.LineNumber}: expected 3 fields (Q,A,label) but found {row.Fields.Count}.");

            pairs.Add(new ChatbotPair(row.Fields[0], row.Fields[1], ParseLabel(row.Fields[2], source, row.LineNumber)));
        }

        if (!sawHeader)
            throw new InvalidDataException($"{source} is empty; expected the header Q,A,label.");
        return pairs;
    }

    private static ChatbotLabel ParseLabel(string text, string source, int line) => text.Trim() switch
    {
        "0" => ChatbotLabel.Everyday,
        "1" => ChatbotLabel.Breakup,
        "2" => ChatbotLabel.Love,
        _ => throw new InvalidDataException($"{source} line {line}: the label '{text}' is not 0, 1 or 2."),
    };
}
