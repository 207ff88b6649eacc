using RnnWorkbook.Data;

namespace RnnWorkbook.Scratch;

/// <summary>
/// The data of the chapters' WikiText-2 language models: valid.txt split by article into training and
/// validation parts (<see cref="WikiTextSplit"/>), test.txt kept for one final measurement, and one
/// vocabulary built from the training part alone.
/// </summary>
/// <remarks>
/// Every part is read as one stream of tokens with <c>&lt;eos&gt;</c> after every line (headings and blank
/// lines included); the same lines are also kept as sentences of ids for an n-gram model, whose
/// end-of-sentence token is that <c>&lt;eos&gt;</c>. Both models therefore predict the same tokens. A word
/// outside the vocabulary, and WikiText's own <c>&lt;unk&gt;</c>, become id 0 (<c>&lt;unk&gt;</c>).
/// </remarks>
public sealed class WikiTextLmData
{
    private WikiTextLmData(WikiTextSplit split, WordVocabulary vocabulary, IReadOnlyList<string[]> testSentences)
    {
        Split = split;
        Vocabulary = vocabulary;
        int[] Ids(IEnumerable<string[]> sentences) => [.. sentences.SelectMany(s => s.Append(WordVocabulary.EndOfSentence)).Select(vocabulary.IdOf)];
        TrainingSentences = [.. WikiTextSplit.Sentences(split.Training).Select(vocabulary.Encode)];
        ValidationSentences = [.. WikiTextSplit.Sentences(split.Validation).Select(vocabulary.Encode)];
        TestSentences = [.. testSentences.Select(vocabulary.Encode)];
        TrainingIds = Ids(WikiTextSplit.Sentences(split.Training));
        ValidationIds = Ids(WikiTextSplit.Sentences(split.Validation));
        TestIds = Ids(testSentences);
        TestUnknownShare = TestIds.Count(id => id == 0) / (double)TestIds.Length;
        TestUnknownInWikiText = testSentences.Sum(s => s.Count(t => t == WikiText.UnknownToken)) / (double)TestIds.Length;
    }

    /// <summary>The split of valid.txt.</summary>
    public WikiTextSplit Split { get; }

    /// <summary>The most frequent tokens of the training part; id 0 is &lt;unk&gt;, and &lt;eos&gt; is one of them.</summary>
    public WordVocabulary Vocabulary { get; }

    /// <summary>The training part as one id stream.</summary>
    public int[] TrainingIds { get; }

    /// <summary>The validation part as one id stream.</summary>
    public int[] ValidationIds { get; }

    /// <summary>test.txt as one id stream.</summary>
    public int[] TestIds { get; }

    /// <summary>The training lines as sentences of ids, without &lt;eos&gt;.</summary>
    public IReadOnlyList<int[]> TrainingSentences { get; }

    /// <summary>The validation lines as sentences of ids, without &lt;eos&gt;.</summary>
    public IReadOnlyList<int[]> ValidationSentences { get; }

    /// <summary>The test lines as sentences of ids, without &lt;eos&gt;.</summary>
    public IReadOnlyList<int[]> TestSentences { get; }

    /// <summary>The id of &lt;eos&gt;, the end of every line.</summary>
    public int EndOfLine => Vocabulary.IdOf(WordVocabulary.EndOfSentence);

    /// <summary>The share of test tokens (&lt;eos&gt; included) that are &lt;unk&gt; after mapping to <see cref="Vocabulary"/>.</summary>
    public double TestUnknownShare { get; }

    /// <summary>The share of test tokens (&lt;eos&gt; included) that were already &lt;unk&gt; in WikiText.</summary>
    public double TestUnknownInWikiText { get; }

    /// <summary>Reads and splits the files.</summary>
    /// <param name="validPath">WikiText-2 valid.txt: split into training and validation parts.</param>
    /// <param name="testPath">WikiText-2 test.txt.</param>
    /// <param name="vocabularySize">V, &lt;unk&gt; included: the V − 1 most frequent training tokens keep an id.</param>
    /// <param name="validationShare">The least share of valid.txt's tokens that goes to validation.</param>
    /// <param name="splitSeed">Seed of the article shuffle.</param>
    public static WikiTextLmData Read(
        string validPath, string testPath, int vocabularySize = 10_000, double validationShare = 0.1, int splitSeed = Workbook.DefaultSeed)
    {
        ArgumentException.ThrowIfNullOrEmpty(validPath);
        ArgumentException.ThrowIfNullOrEmpty(testPath);
        var split = WikiTextSplit.ByArticle(validPath, validationShare, splitSeed);
        var vocabulary = new WordVocabulary(WikiTextSplit.Stream(split.Training), vocabularySize);
        return new WikiTextLmData(split, vocabulary, [.. WikiText.ReadLines(testPath).Select(l => l.Tokens())]);
    }
}
