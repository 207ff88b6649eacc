using System.Text;

namespace RnnWorkbook.Data;

/// <summary>
/// Readers for the NLTK archives of the manifest's <c>nltk</c> dataset. Each method verifies the archive
/// (through the given store, <see cref="DatasetStore.Default"/> when none is given) and parses its members;
/// the <c>Parse*</c> methods take the members' text, for tests and for files in the same format.
/// </summary>
public static class Nltk
{
    /// <summary>The manifest's dataset name.</summary>
    public const string Dataset = "nltk";

    /// <summary>The Brown Corpus: 500 texts in 15 genres, 57,340 sentences, 1,161,192 tagged words.</summary>
    /// <param name="store">Where to find the archive; null for <see cref="DatasetStore.Default"/>.</param>
    public static IReadOnlyList<BrownDocument> Brown(DatasetStore? store = null) =>
        BrownCorpus.Read(Archive("brown.zip", store));

    /// <summary>The 2,000 movie reviews (1,000 negative, then 1,000 positive, in file-name order).</summary>
    /// <inheritdoc cref="Brown" path="/param"/>
    public static IReadOnlyList<MovieReview> MovieReviews(DatasetStore? store = null)
    {
        var archive = Archive("movie_reviews.zip", store);
        var reviews = new List<MovieReview>(2_000);
        foreach (var (folder, label) in new[] { ("neg", Polarity.Negative), ("pos", Polarity.Positive) })
        {
            var prefix = $"movie_reviews/{folder}/";
            foreach (var member in archive.Members.Where(m => m.StartsWith(prefix, StringComparison.Ordinal) && m.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                reviews.Add(new MovieReview(member["movie_reviews/".Length..], label, archive.ReadAllText(member)));
        }

        return reviews;
    }

    /// <summary>The sentence polarity data ("MR"): 5,331 positive then 5,331 negative snippets.</summary>
    /// <inheritdoc cref="Brown" path="/param"/>
    public static IReadOnlyList<LabelledText> SentencePolarity(DatasetStore? store = null)
    {
        var archive = Archive("sentence_polarity.zip", store);
        return
        [
            .. ParsePolarityLines(archive.ReadAllBytes("sentence_polarity/rt-polarity.pos")).Select(t => new LabelledText(t, Polarity.Positive)),
            .. ParsePolarityLines(archive.ReadAllBytes("sentence_polarity/rt-polarity.neg")).Select(t => new LabelledText(t, Polarity.Negative)),
        ];
    }

    /// <summary>English first names: 5,001 female and 2,943 male.</summary>
    /// <inheritdoc cref="Brown" path="/param"/>
    public static NamesCorpus Names(DatasetStore? store = null)
    {
        var archive = Archive("names.zip", store);
        return new NamesCorpus(ParseLines(archive.ReadAllText("names/female.txt")), ParseLines(archive.ReadAllText("names/male.txt")));
    }

    /// <summary>The CMU Pronouncing Dictionary 0.6: 133,737 pronunciations.</summary>
    /// <inheritdoc cref="Brown" path="/param"/>
    public static IReadOnlyList<CmuDictEntry> CmuDict(DatasetStore? store = null) =>
        ParseCmuDict(Archive("cmudict.zip", store).ReadAllText("cmudict/cmudict", Encoding.Latin1), "cmudict/cmudict");

    /// <summary>CoNLL-2000 chunking sentences: "train" (8,936) or "test" (2,012).</summary>
    /// <param name="split">"train" or "test".</param>
    /// <param name="store">Where to find the archive; null for <see cref="DatasetStore.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="split"/> is neither.</exception>
    public static IReadOnlyList<IReadOnlyList<ChunkedWord>> Conll2000(string split, DatasetStore? store = null)
    {
        if (split is not ("train" or "test"))
            throw new ArgumentException($"split must be \"train\" or \"test\", not \"{split}\".", nameof(split));
        var member = $"conll2000/{split}.txt";
        return ParseConll2000(Archive("conll2000.zip", store).ReadAllText(member), member);
    }

    /// <summary>A universal tagset map, e.g. "en-brown" (Brown tags) or "ko-sejong" (Sejong tags).</summary>
    /// <param name="name">The map's file name without <c>.map</c>.</param>
    /// <param name="store">Where to find the archive; null for <see cref="DatasetStore.Default"/>.</param>
    public static UniversalTagMap UniversalTagMap(string name, DatasetStore? store = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Data.UniversalTagMap.Parse(name, Archive("universal_tagset.zip", store).ReadAllText($"universal_tagset/{name}.map"));
    }

    /// <summary>
    /// The lines of <c>rt-polarity.pos</c> or <c>.neg</c>, trailing spaces removed. Pang and Lee wrote the
    /// files in ISO-8859-1; NLTK's copy converted the letters to UTF-8 (its README says so) but left Windows-1252
    /// punctuation as C1 control characters (U+0096 for an en dash). Those are mapped to what they meant.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not UTF-8.</exception>
    public static IReadOnlyList<string> ParsePolarityLines(ReadOnlySpan<byte> bytes)
    {
        var text = PlainText.Decode(bytes);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(c is >= '\u0080' and <= '\u009F' ? Windows1252Punctuation(c) : c);
        return ParseLines(builder.ToString()).Select(l => l.TrimEnd()).ToArray();
    }

    /// <summary>The non-blank lines of <paramref name="text"/>, without line ends.</summary>
    public static IReadOnlyList<string> ParseLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToArray();
    }

    /// <summary>CMU dictionary lines <c>WORD variant PH ON EMES</c>.</summary>
    /// <param name="text">The dictionary's text.</param>
    /// <param name="source">How error messages name the input.</param>
    /// <exception cref="InvalidDataException">A line has fewer than three fields or a variant that is not a positive number.</exception>
    public static IReadOnlyList<CmuDictEntry> ParseCmuDict(string text, string source = "cmudict")
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<CmuDictEntry>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            var fields = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
                continue;
            if (fields.Length < 3 || !int.TryParse(fields[1], out var variant) || variant < 1)
                throw new InvalidDataException($"{source} line {lineNumber}: expected 'WORD variant phonemes...' but found '{line.Trim()}'.");
            entries.Add(new CmuDictEntry(fields[0], variant, fields[2..]));
        }

        return entries;
    }

    /// <summary>CoNLL-2000 sentences: one <c>word POS chunk</c> line per word, a blank line after each sentence.</summary>
    /// <param name="text">The text of <c>train.txt</c> or <c>test.txt</c>.</param>
    /// <param name="source">How error messages name the input.</param>
    /// <exception cref="InvalidDataException">A line has not three fields.</exception>
    public static IReadOnlyList<IReadOnlyList<ChunkedWord>> ParseConll2000(string text, string source = "conll2000")
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<IReadOnlyList<ChunkedWord>>();
        var current = new List<ChunkedWord>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            var fields = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                if (current.Count > 0)
                    sentences.Add(current.ToArray());
                current.Clear();
                continue;
            }

            if (fields.Length != 3)
                throw new InvalidDataException($"{source} line {lineNumber}: expected 'word POS chunk' but found '{line.Trim()}'.");
            current.Add(new ChunkedWord(fields[0], fields[1], fields[2]));
        }

        if (current.Count > 0)
            sentences.Add(current.ToArray());
        return sentences;
    }

    private static DatasetArchive Archive(string file, DatasetStore? store) => (store ?? DatasetStore.Default).Archive(Dataset, file);

    private static char Windows1252Punctuation(char c) => c switch
    {
        '\u0080' => '€', '\u0082' => '‚', '\u0083' => 'ƒ', '\u0084' => '„', '\u0085' => '…', '\u0086' => '†',
        '\u0087' => '‡', '\u0088' => 'ˆ', '\u0089' => '‰', '\u008A' => 'Š', '\u008B' => '‹', '\u008C' => 'Œ',
        '\u008E' => 'Ž', '\u0091' => '‘', '\u0092' => '’', '\u0093' => '“', '\u0094' => '”', '\u0095' => '•',
        '\u0096' => '–', '\u0097' => '—', '\u0098' => '˜', '\u0099' => '™', '\u009A' => 'š', '\u009B' => '›',
        '\u009C' => 'œ', '\u009E' => 'ž', '\u009F' => 'Ÿ',
        _ => c,
    };
}
