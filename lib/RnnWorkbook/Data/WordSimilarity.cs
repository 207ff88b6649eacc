using System.Globalization;

namespace RnnWorkbook.Data;

/// <summary>
/// Readers for the manifest's <c>word-similarity</c> dataset: WordSim353 (353 pairs), SimLex-999 (999 pairs)
/// and the Google analogy questions (19,544 in 14 sections).
/// </summary>
public static class WordSimilarity
{
    /// <summary>The manifest's dataset name.</summary>
    public const string Dataset = "word-similarity";

    /// <summary>WordSim353: 353 pairs with mean human relatedness (Finkelstein et al. 2002).</summary>
    /// <param name="store">Where to find the file; null for <see cref="DatasetStore.Default"/>.</param>
    public static IReadOnlyList<WordPair> WordSim353(DatasetStore? store = null) =>
        ParsePairs(ReadText("wordsim353.tsv", store), "wordsim353.tsv");

    /// <summary>SimLex-999: 999 pairs with mean human similarity (Hill, Reichart and Korhonen 2015).</summary>
    /// <inheritdoc cref="WordSim353" path="/param"/>
    public static IReadOnlyList<WordPair> SimLex999(DatasetStore? store = null) =>
        ParsePairs(ReadText("simlex999.txt", store), "simlex999.txt");

    /// <summary>The Google analogy questions (Mikolov et al. 2013): 8,869 semantic and 10,675 syntactic.</summary>
    /// <inheritdoc cref="WordSim353" path="/param"/>
    public static IReadOnlyList<AnalogyQuestion> Analogies(DatasetStore? store = null) =>
        ParseAnalogies(ReadText("questions-words.txt", store), "questions-words.txt");

    /// <summary>Tab-separated lines <c>word1 word2 score</c>; lines starting with '#' are comments.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="source">How error messages name the input.</param>
    /// <exception cref="InvalidDataException">A line has not three fields or its score is not a number.</exception>
    public static IReadOnlyList<WordPair> ParsePairs(string text, string source = "word pairs")
    {
        ArgumentNullException.ThrowIfNull(text);
        var pairs = new List<WordPair>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#'))
                continue;
            var fields = line.Split('\t');
            if (fields.Length != 3 || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
                throw new InvalidDataException($"{source} line {lineNumber}: expected 'word<TAB>word<TAB>score' but found '{line}'.");
            pairs.Add(new WordPair(fields[0], fields[1], score));
        }

        return pairs;
    }

    /// <summary>Analogy questions: <c>: section</c> lines start a section, other lines hold four words.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="source">How error messages name the input.</param>
    /// <exception cref="InvalidDataException">A question comes before any section or has not four words.</exception>
    public static IReadOnlyList<AnalogyQuestion> ParseAnalogies(string text, string source = "analogies")
    {
        ArgumentNullException.ThrowIfNull(text);
        var questions = new List<AnalogyQuestion>();
        string? section = null;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            if (line.StartsWith(':'))
            {
                section = line[1..].Trim();
                continue;
            }

            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (section is null || words.Length != 4)
                throw new InvalidDataException(section is null
                    ? $"{source} line {lineNumber}: a question before the first ': section' line."
                    : $"{source} line {lineNumber}: expected four words but found '{line}'.");
            questions.Add(new AnalogyQuestion(section, words[0], words[1], words[2], words[3]));
        }

        return questions;
    }

    private static string ReadText(string file, DatasetStore? store) => (store ?? DatasetStore.Default).ReadAllText(Dataset, file);
}
