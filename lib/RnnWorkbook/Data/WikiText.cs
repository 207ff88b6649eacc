namespace RnnWorkbook.Data;

/// <summary>
/// Reads WikiText (Merity et al. 2016): Wikipedia articles already tokenized, one paragraph a line, tokens
/// separated by spaces, rare words replaced by <see cref="UnknownToken"/>. Headings are lines such as
/// <c> = Title = </c> (an article), <c> = = Section = = </c> and deeper, with the same number of
/// <c>=</c> on both sides.
/// </summary>
public static class WikiText
{
    /// <summary>The token that replaces every word outside WikiText's vocabulary; it is kept as a token.</summary>
    public const string UnknownToken = "<unk>";

    /// <summary>
    /// The token a language model reads at the end of every line (blank lines included), as PyTorch's
    /// word_language_model does; WikiText itself has no such token.
    /// </summary>
    public const string EndOfLineToken = "<eos>";

    /// <summary>The lines of the file at <paramref name="path"/>, classified.</summary>
    public static IReadOnlyList<WikiTextLine> ReadLines(string path)
    {
        using var reader = PlainText.OpenText(path);
        return ReadLines(reader);
    }

    /// <summary>The lines of <paramref name="reader"/>, classified.</summary>
    public static IReadOnlyList<WikiTextLine> ReadLines(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lines = new List<WikiTextLine>();
        while (reader.ReadLine() is { } text)
            lines.Add(ParseLine(lines.Count + 1, text));
        return lines;
    }

    /// <summary>The articles of the file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<WikiTextArticle> ReadArticles(string path) => SplitArticles(ReadLines(path));

    /// <summary>
    /// Groups lines into articles, each starting at a level-1 heading. Lines before the first title belong
    /// to no article and are left out.
    /// </summary>
    public static IReadOnlyList<WikiTextArticle> SplitArticles(IEnumerable<WikiTextLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var articles = new List<WikiTextArticle>();
        WikiTextLine? title = null;
        var body = new List<WikiTextLine>();
        foreach (var line in lines)
        {
            if (line.HeadingLevel == 1)
            {
                if (title is not null)
                    articles.Add(new WikiTextArticle(title.Heading!, title.Number, body.ToArray()));
                title = line;
                body.Clear();
            }
            else if (title is not null)
            {
                body.Add(line);
            }
        }

        if (title is not null)
            articles.Add(new WikiTextArticle(title.Heading!, title.Number, body.ToArray()));
        return articles;
    }

    /// <summary>Classifies one line: blank, heading (with its level and title) or text.</summary>
    /// <param name="number">The line's 1-based number, kept for messages.</param>
    /// <param name="text">The line without its line break.</param>
    public static WikiTextLine ParseLine(int number, string text)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
            return new WikiTextLine(number, text, WikiTextLineKind.Blank, 0, null);
        if (TryParseHeading(text, out var level, out var title))
            return new WikiTextLine(number, text, WikiTextLineKind.Heading, level, title);
        return new WikiTextLine(number, text, WikiTextLineKind.Text, 0, null);
    }

    /// <summary>
    /// True when <paramref name="line"/> is a heading: <paramref name="level"/> marks <c>= </c> before a
    /// non-empty title and as many <c> =</c> after it. Lines like <c> = National record </c> (a table
    /// row that lost its cells) have marks on one side only and are text.
    /// </summary>
    public static bool TryParseHeading(string line, out int level, out string title)
    {
        ArgumentNullException.ThrowIfNull(line);
        var rest = line.AsSpan().Trim();
        var opening = 0;
        while (rest.StartsWith("= "))
        {
            rest = rest[2..];
            opening++;
        }

        var closing = 0;
        while (closing < opening && rest.EndsWith(" ="))
        {
            rest = rest[..^2];
            closing++;
        }

        rest = rest.Trim();
        if (opening > 0 && closing == opening && !rest.IsEmpty)
        {
            level = opening;
            title = rest.ToString();
            return true;
        }

        level = 0;
        title = "";
        return false;
    }

    /// <summary>The whitespace-separated tokens of a line; <see cref="UnknownToken"/> is one token like any other.</summary>
    public static string[] Tokenize(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }
}
