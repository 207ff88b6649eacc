namespace RnnWorkbook.Data;

/// <summary>
/// A WikiText file split by article into a training part and a validation part, so that a model can be
/// chosen on text it was not trained on while the test file stays untouched until one final measurement.
/// </summary>
/// <remarks>
/// Articles are shuffled with a seeded Fisher–Yates shuffle and taken for validation, in that order, until
/// they hold at least <c>validationShare</c> of the file's tokens; the rest is the training part. Whole
/// articles are kept together, since a paragraph of an article predicts the next paragraph of it far better
/// than it predicts another article. Each part keeps its articles in file order. Every line of an article
/// is kept (its title and section headings too, as PyTorch's word_language_model reads WikiText); lines
/// before the first title belong to no article and are left out.
/// </remarks>
public sealed class WikiTextSplit
{
    private WikiTextSplit(IReadOnlyList<WikiTextArticleLines> training, IReadOnlyList<WikiTextArticleLines> validation, int linesOutside)
    {
        Training = training;
        Validation = validation;
        LinesOutsideArticles = linesOutside;
    }

    /// <summary>The training articles, in file order.</summary>
    public IReadOnlyList<WikiTextArticleLines> Training { get; }

    /// <summary>The validation articles, in file order.</summary>
    public IReadOnlyList<WikiTextArticleLines> Validation { get; }

    /// <summary>Lines before the first article title, in neither part.</summary>
    public int LinesOutsideArticles { get; }

    /// <summary>
    /// The articles as one token stream: each line's tokens, then <see cref="WikiText.EndOfLineToken"/>, the way
    /// PyTorch's word_language_model and the chapters' language models read WikiText.
    /// </summary>
    public static IReadOnlyList<string> Stream(IEnumerable<WikiTextArticleLines> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var tokens = new List<string>();
        foreach (var line in articles.SelectMany(a => a.Lines))
        {
            tokens.AddRange(line.Tokens());
            tokens.Add(WikiText.EndOfLineToken);
        }

        return tokens;
    }

    /// <summary>The articles as sentences, one a line (blank lines are empty sentences), for an n-gram model.</summary>
    public static IEnumerable<string[]> Sentences(IEnumerable<WikiTextArticleLines> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return articles.SelectMany(a => a.Lines).Select(l => l.Tokens());
    }

    /// <summary>Splits the WikiText file at <paramref name="path"/>.</summary>
    public static WikiTextSplit ByArticle(string path, double validationShare = 0.1, int seed = Workbook.DefaultSeed) =>
        ByArticle(WikiText.ReadLines(path), validationShare, seed);

    /// <summary>Splits classified WikiText lines by article.</summary>
    /// <param name="lines">The lines of one file, in order.</param>
    /// <param name="validationShare">The least share of the tokens that goes to validation, in (0, 1).</param>
    /// <param name="seed">Seed of the shuffle.</param>
    /// <exception cref="ArgumentException">Fewer than two articles, or one part would be empty.</exception>
    public static WikiTextSplit ByArticle(IReadOnlyList<WikiTextLine> lines, double validationShare = 0.1, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (!(validationShare > 0 && validationShare < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(validationShare), validationShare, "expected a share in (0, 1).");
        }

        var articles = new List<WikiTextArticleLines>();
        int outside = 0;
        List<WikiTextLine>? current = null;
        foreach (var line in lines)
        {
            if (line.HeadingLevel == 1)
            {
                if (current is not null)
                {
                    articles.Add(new WikiTextArticleLines(articles.Count, current));
                }

                current = [line];
            }
            else if (current is null)
            {
                outside++;
            }
            else
            {
                current.Add(line);
            }
        }

        if (current is not null)
        {
            articles.Add(new WikiTextArticleLines(articles.Count, current));
        }

        if (articles.Count < 2)
        {
            throw new ArgumentException($"lines: {articles.Count} article(s); a split needs at least two.", nameof(lines));
        }

        int[] order = [.. Enumerable.Range(0, articles.Count)];
        var random = new Random(seed);
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        long total = articles.Sum(a => (long)a.TokenCount), held = 0;
        var validation = new HashSet<int>();
        foreach (int index in order)
        {
            if (held >= validationShare * total)
            {
                break;
            }

            validation.Add(index);
            held += articles[index].TokenCount;
        }

        if (validation.Count == articles.Count)
        {
            throw new ArgumentException($"validationShare: {validationShare} leaves no article for training.", nameof(validationShare));
        }

        return new WikiTextSplit(
            [.. articles.Where(a => !validation.Contains(a.Index))], [.. articles.Where(a => validation.Contains(a.Index))], outside);
    }
}
