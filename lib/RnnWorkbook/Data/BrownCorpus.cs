namespace RnnWorkbook.Data;

/// <summary>
/// Reads the Brown Corpus as NLTK publishes it (<c>nltk/brown.zip</c>): files <c>brown/ca01</c> ..
/// <c>brown/cr09</c>, one sentence a line (lines indented by a tab, blank lines between), tokens
/// <c>word/tag</c> separated by spaces; <c>brown/cats.txt</c> gives each file's genre (<c>ca01 news</c>).
/// </summary>
public static class BrownCorpus
{
    /// <summary>The archive's member holding each file's genre.</summary>
    public const string CategoriesMember = "brown/cats.txt";

    /// <summary>The 500 texts with their genres and tagged sentences, in file order.</summary>
    /// <param name="archive">The verified <c>brown.zip</c>, e.g. <c>Datasets.Archive("nltk", "brown.zip")</c>.</param>
    /// <exception cref="InvalidDataException">A file or <c>cats.txt</c> is malformed; the message names it and the line.</exception>
    public static IReadOnlyList<BrownDocument> Read(DatasetArchive archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var categories = ParseCategories(archive.ReadAllText(CategoriesMember), CategoriesMember);
        var documents = new List<BrownDocument>(categories.Count);
        foreach (var (id, category) in categories)
        {
            var member = $"brown/{id}";
            documents.Add(new BrownDocument(id, category, ParseSentences(archive.ReadAllText(member), member)));
        }

        return documents;
    }

    /// <summary>The genre of each file, in the order of <c>cats.txt</c> (lines <c>file-id category</c>).</summary>
    /// <param name="text">The text of <c>cats.txt</c>.</param>
    /// <param name="source">How error messages name the input.</param>
    /// <exception cref="InvalidDataException">A line does not have exactly two fields.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseCategories(string text, string source = "cats.txt")
    {
        ArgumentNullException.ThrowIfNull(text);
        var categories = new List<KeyValuePair<string, string>>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (fields.Length == 0)
                continue;
            if (fields.Length != 2)
                throw new InvalidDataException($"{source} line {lineNumber}: expected 'file-id category' but found '{line.Trim()}'.");
            categories.Add(new(fields[0], fields[1]));
        }

        return categories;
    }

    /// <summary>The sentences of one Brown file: every non-blank line is a sentence of <c>word/tag</c> tokens.</summary>
    /// <param name="text">The text of a file such as <c>brown/ca01</c>.</param>
    /// <param name="source">How error messages name the input.</param>
    /// <exception cref="InvalidDataException">A token is not <c>word/tag</c>; the message names the line.</exception>
    public static IReadOnlyList<IReadOnlyList<TaggedWord>> ParseSentences(string text, string source = "Brown file")
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<IReadOnlyList<TaggedWord>>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            var tokens = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0)
                continue;
            var sentence = new TaggedWord[tokens.Length];
            for (var i = 0; i < tokens.Length; i++)
            {
                try
                {
                    sentence[i] = TaggedWord.Parse(tokens[i]);
                }
                catch (FormatException e)
                {
                    throw new InvalidDataException($"{source} line {lineNumber}: {e.Message}", e);
                }
            }

            sentences.Add(sentence);
        }

        return sentences;
    }
}
