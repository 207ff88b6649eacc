using System.Text.RegularExpressions;
using RnnWorkbook.Vectors;

namespace RnnWorkbook.Tests.Vectors;

public sealed class CountVectorizerTests
{
    private static readonly string[] _twoDocuments =
    [
        "I love natural language processing.",
        "Natural language processing is a field of artificial intelligence.",
    ];

    [Fact]
    public void Two_document_example_gives_scikit_learns_vocabulary_and_counts()
    {
        // CountVectorizer().fit_transform(docs) in scikit-learn: "I" and "a" are shorter than the token pattern's two characters.
        var vectorizer = new CountVectorizer();
        var x = vectorizer.FitTransform(_twoDocuments);

        Assert.Equal(["artificial", "field", "intelligence", "is", "language", "love", "natural", "of", "processing"], vectorizer.FeatureNames);
        Assert.Equal(new double[,] { { 0, 0, 0, 0, 1, 1, 1, 0, 1 }, { 1, 1, 1, 1, 1, 0, 1, 1, 1 } }, x.ToDense());
        Assert.Equal(12, x.NonZeros);
        Assert.Equal([0, 4, 12], x.RowPointers.ToArray());
    }

    [Fact]
    public void Bigrams_binary_and_case_are_options()
    {
        var vectorizer = new CountVectorizer(new CountVectorizerOptions { MinN = 1, MaxN = 2, Binary = true, Lowercase = false });
        var x = vectorizer.FitTransform(["New York is new. New York!"]);

        Assert.Equal(["New", "New York", "York", "York is", "is", "is new", "new", "new New"], vectorizer.FeatureNames);
        Assert.All(x.Values.ToArray(), v => Assert.Equal(1, v));
    }

    [Fact]
    public void Min_df_max_df_and_max_features_prune_as_scikit_learn_does()
    {
        string[] docs = ["aa bb cc", "aa bb", "aa dd", "aa bb ee ee ee"];

        Assert.Equal(["aa", "bb"], new CountVectorizer(new() { MinDf = DocumentFrequency.Count(2) }).Fit(docs).FeatureNames);
        Assert.Equal(["bb", "cc", "dd", "ee"], new CountVectorizer(new() { MaxDf = DocumentFrequency.Proportion(0.9) }).Fit(docs).FeatureNames);
        // Totals: aa 4, bb 3, ee 3, cc 1, dd 1; the tie bb/ee keeps both, cc/dd keep alphabetical order.
        Assert.Equal(["aa", "bb", "ee"], new CountVectorizer(new() { MaxFeatures = 3 }).Fit(docs).FeatureNames);
        Assert.Equal(["aa", "bb", "cc", "ee"], new CountVectorizer(new() { MaxFeatures = 4 }).Fit(docs).FeatureNames);
        // Binary counts rank by document frequency (aa 4, bb 3, then cc, dd, ee 1 each, alphabetical), as scikit-learn does.
        Assert.Equal(["aa", "bb", "cc"], new CountVectorizer(new() { MaxFeatures = 3, Binary = true }).Fit(docs).FeatureNames);
    }

    [Fact]
    public void Char_analyzers_follow_scikit_learns_padding()
    {
        var wb = new CountVectorizer(new() { Analyzer = TermAnalyzer.CharWordBounded, MinN = 2, MaxN = 3 });
        Assert.Equal([" a", "a ", " a "], wb.Analyze("a"));
        Assert.Equal([" 한", "한국", "국 ", " 한국", "한국 "], wb.Analyze("한국"));

        var chars = new CountVectorizer(new() { Analyzer = TermAnalyzer.Char, MinN = 1, MaxN = 2 });
        Assert.Equal(["a", " ", "b", "a ", " b"], chars.Analyze("a   b"));
    }

    [Fact]
    public void Hand_scanner_finds_the_same_tokens_as_the_regex()
    {
        var random = new Random(7);
        const string alphabet = "ab Zé_9-,.\n\t한국어'ǅ\u0301x";
        var regex = new Regex(@"\b\w\w+\b");
        var fast = new CountVectorizer(new() { Lowercase = false });
        for (var trial = 0; trial < 300; trial++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(regex.Matches(text).Select(m => m.Value), fast.Analyze(text));
        }
    }

    [Fact]
    public void Custom_token_pattern_and_tokenizer_are_used()
    {
        Assert.Equal(["i", "love", "nlp"], new CountVectorizer(new() { TokenPattern = @"\b\w+\b" }).Analyze("I love NLP"));
        var split = new CountVectorizer(new() { Tokenizer = t => t.Split(' '), MaxN = 2 });
        Assert.Equal(["학교", "에서", "학교 에서"], split.Analyze("학교 에서"));
    }

    [Fact]
    public void Unknown_words_are_ignored_and_counted_and_an_empty_document_is_a_zero_row()
    {
        var vectorizer = new CountVectorizer().Fit(_twoDocuments);

        var x = vectorizer.Transform(["I love deep learning and language", "", "?!"], out var stats);

        Assert.Equal(2, x.Row(0).Count);                       // love, language
        Assert.Equal(0, x.Row(1).Count);
        Assert.Equal(new TransformStats(3, 5, 3, 2), stats);   // love deep learning and language: 5 terms; "I" is no token
        Assert.Equal(3.0 / 5, stats.UnknownShare, 12);
    }

    [Fact]
    public void Transform_before_fit_fails_saying_what_to_do()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new CountVectorizer().Transform(["x"]));
        Assert.Contains("call Fit", e.Message);
    }

    [Fact]
    public void Pruning_everything_names_min_df_and_max_df()
    {
        var e = Assert.Throws<ArgumentException>(() => new CountVectorizer(new() { MinDf = DocumentFrequency.Count(2) }).Fit(["aa bb", "cc dd", "ee ff"]));
        Assert.Contains("No term is left", e.Message);
        Assert.Contains("MinDf = 2", e.Message);
        Assert.Contains("MaxDf = 1", e.Message);

        var inverted = Assert.Throws<ArgumentException>(() =>
            new CountVectorizer(new() { MinDf = DocumentFrequency.Proportion(0.9), MaxDf = DocumentFrequency.Count(1) }).Fit(_twoDocuments));
        Assert.Contains("is below MinDf", inverted.Message);
        Assert.Equal(["a"], new CountVectorizer(new() { TokenPattern = @"(?u)\b\w+\b" }).Fit(["a"]).FeatureNames);
    }

    [Theory]
    [InlineData(0, 1, null, "MinN")]
    [InlineData(2, 1, null, "MaxN")]
    [InlineData(1, 1, 0, "MaxFeatures")]
    public void Options_out_of_range_name_the_option(int minN, int maxN, int? maxFeatures, string option)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new CountVectorizer(new() { MinN = minN, MaxN = maxN, MaxFeatures = maxFeatures }));
        Assert.Equal(option, e.ParamName);
        Assert.Contains(option, e.Message);
    }

    [Fact]
    public void Document_frequency_shares_outside_0_to_1_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentFrequency.Proportion(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentFrequency.Count(-1));
        var e = Assert.Throws<ArgumentException>(() => new CountVectorizer(new() { TokenPattern = "(" }));
        Assert.Contains("TokenPattern", e.Message);
    }
}
