namespace RnnWorkbook.Data;

/// <summary>
/// Readers for the manifest's <c>korean-hate-speech</c> dataset (Moon, Cho and Lee 2020): labelled comments
/// in <c>train.tsv</c> (7,896) and <c>dev.tsv</c> (471, the public evaluation split), and 33,893 unlabeled
/// comments. The TSVs have a header <c>comments contain_gender_bias bias hate</c> and no quoting.
/// </summary>
public static class KoreanHateSpeech
{
    /// <summary>The manifest's dataset name.</summary>
    public const string Dataset = "korean-hate-speech";

    private static readonly string[] _header = ["comments", "contain_gender_bias", "bias", "hate"];

    /// <summary>The 7,896 training comments.</summary>
    /// <param name="store">Where to find the file; null for <see cref="DatasetStore.Default"/>.</param>
    public static IReadOnlyList<HateSpeechComment> Train(DatasetStore? store = null) =>
        Parse((store ?? DatasetStore.Default).ReadAllText(Dataset, "train.tsv"), "train.tsv");

    /// <summary>The 471 comments of the public evaluation split.</summary>
    /// <inheritdoc cref="Train" path="/param"/>
    public static IReadOnlyList<HateSpeechComment> Dev(DatasetStore? store = null) =>
        Parse((store ?? DatasetStore.Default).ReadAllText(Dataset, "dev.tsv"), "dev.tsv");

    /// <summary>The 33,893 unlabeled comments of <c>unlabeled_comments_5.txt</c>, one a line.</summary>
    /// <inheritdoc cref="Train" path="/param"/>
    public static IReadOnlyList<string> Unlabeled(DatasetStore? store = null) =>
        Nltk.ParseLines((store ?? DatasetStore.Default).ReadAllText(Dataset, "unlabeled_comments_5.txt"));

    /// <summary>Parses a labelled TSV.</summary>
    /// <param name="text">The file's text, starting with the header line.</param>
    /// <param name="source">How error messages name the input.</param>
    /// <exception cref="InvalidDataException">The header is wrong, a line has not four fields or a label is unknown.</exception>
    public static IReadOnlyList<HateSpeechComment> Parse(string text, string source = "korean-hate-speech TSV")
    {
        ArgumentNullException.ThrowIfNull(text);
        var comments = new List<HateSpeechComment>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            var fields = line.Split('\t');
            if (lineNumber == 1)
            {
                if (!fields.SequenceEqual(_header))
                    throw new InvalidDataException($"{source} line 1: expected the header {string.Join("<TAB>", _header)} but found '{line}'.");
                continue;
            }

            if (line.Length == 0)
                continue;
            if (fields.Length != 4)
                throw new InvalidDataException($"{source} line {lineNumber}: expected 4 tab-separated fields but found {fields.Length}.");
            comments.Add(new HateSpeechComment(
                fields[0],
                fields[1] switch
                {
                    "True" => true,
                    "False" => false,
                    _ => throw Bad(source, lineNumber, "contain_gender_bias", fields[1], "True, False"),
                },
                fields[2] switch
                {
                    "none" => HateSpeechBias.None,
                    "gender" => HateSpeechBias.Gender,
                    "others" => HateSpeechBias.Others,
                    _ => throw Bad(source, lineNumber, "bias", fields[2], "gender, others, none"),
                },
                fields[3] switch
                {
                    "none" => HateSpeechLabel.None,
                    "offensive" => HateSpeechLabel.Offensive,
                    "hate" => HateSpeechLabel.Hate,
                    _ => throw Bad(source, lineNumber, "hate", fields[3], "hate, offensive, none"),
                }));
        }

        return comments;
    }

    private static InvalidDataException Bad(string source, int line, string column, string value, string allowed) =>
        new($"{source} line {line}: '{value}' is not a {column} label ({allowed}).");
}
