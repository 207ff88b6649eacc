using System.Diagnostics;
using System.Text.Json.Nodes;
using RnnWorkbook.Data;
using RnnWorkbook.Tests.Data;
using RnnWorkbook.Vectors;

namespace RnnWorkbook.Tests.Vectors;

/// <summary>
/// Our vectorizers and classifiers against scikit-learn (Debian's python3-sklearn) on the same real documents:
/// vocabulary, idf and TF-IDF values equal to rounding, naive Bayes scores and predictions equal, logistic
/// regression probabilities equal to the optimiser's tolerance.
/// </summary>
public sealed class SklearnEquivalenceTests : IDisposable
{
    private static readonly (string Name, CountVectorizerOptions Counting, TfidfOptions Weighting, double C)[] _englishCases =
    [
        ("defaults", new(), new(), 1.0),
        ("bigrams, min_df 2, max_df 0.8, sublinear, l1, plain idf",
            new() { MaxN = 2, MinDf = DocumentFrequency.Count(2), MaxDf = DocumentFrequency.Proportion(0.8) },
            new() { SublinearTf = true, Norm = TfidfNorm.L1, SmoothIdf = false }, 10.0),
        // No binary max_features case: scikit-learn keeps the top terms by numpy's unstable argsort, so which of the
        // terms tied at the cut it keeps is unspecified (a unit test checks our document-frequency ranking).
    ];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SklearnFact]
    public void Movie_reviews_match_scikit_learn()
    {
        var store = new DatasetStore(DatasetCatalog.Default, new DataLocations(RepositoryPaths.RealMirror, _folder.Path), new HttpClient(new NoNetworkHandler()));
        var reviews = Nltk.MovieReviews(store);
        var train = reviews.Take(150).Concat(reviews.Skip(1000).Take(150)).ToArray();
        var test = reviews.Skip(150).Take(40).Concat(reviews.Skip(1150).Take(40)).ToArray();
        Compare(train.Select(r => r.Text).ToArray(), train.Select(r => (int)r.Label).ToArray(), test.Select(r => r.Text).ToArray(), _englishCases);
    }

    [SklearnFact]
    public void Korean_character_ngrams_and_three_classes_match_scikit_learn()
    {
        var store = new DatasetStore(DatasetCatalog.Default, new DataLocations(RepositoryPaths.RealMirror, _folder.Path), new HttpClient(new NoNetworkHandler()));
        var pairs = ChatbotCsv.Read(store.Path("chatbot-ko", "ChatbotData.csv"));
        var sample = pairs.Where((_, i) => i % 25 == 0).ToArray(); // 473 questions of all three labels
        var train = sample.Take(380).ToArray();
        var test = sample.Skip(380).ToArray();
        Compare(
            train.Select(p => p.Question).ToArray(), train.Select(p => (int)p.Label).ToArray(), test.Select(p => p.Question).ToArray(),
            [
                ("char_wb 1-3", new() { Analyzer = TermAnalyzer.CharWordBounded, MinN = 1, MaxN = 3 }, new(), 1.0),
                ("char 2-3 sublinear", new() { Analyzer = TermAnalyzer.Char, MinN = 2, MaxN = 3, MinDf = DocumentFrequency.Count(2) }, new() { SublinearTf = true }, 5.0),
            ]);
    }

    private void Compare(string[] train, int[] labels, string[] test, (string Name, CountVectorizerOptions Counting, TfidfOptions Weighting, double C)[] cases)
    {
        var expected = RunScikitLearn(train, labels, test, cases);
        for (var i = 0; i < cases.Length; i++)
        {
            var (name, counting, weighting, c) = cases[i];
            var reference = expected[i]!;
            var tfidf = new TfidfVectorizer(counting, weighting);
            var xTrain = tfidf.FitTransform(train);
            var xTest = tfidf.Transform(test);

            var terms = reference["terms"]!.AsArray().Select(t => (string)t!).ToArray();
            var firstDifference = Enumerable.Range(0, Math.Min(terms.Length, tfidf.FeatureNames.Count)).FirstOrDefault(t => terms[t] != tfidf.FeatureNames[t], -1);
            Assert.True(terms.Length == tfidf.FeatureNames.Count && firstDifference < 0,
                $"{name}: vocabulary differs: scikit-learn has {terms.Length} terms, we have {tfidf.FeatureNames.Count}; first difference at {firstDifference}: " +
                (firstDifference < 0 ? "" : $"'{terms[firstDifference]}' vs '{tfidf.FeatureNames[firstDifference]}'"));
            if (weighting.UseIdf)
                AssertClose(reference["idf"]!.AsArray().Select(v => (double)v!).ToArray(), tfidf.Idf.ToArray(), 1e-12, $"{name}: idf");
            Assert.Equal(Ints(reference["rowPointers"]), xTest.RowPointers.ToArray());
            Assert.Equal(Ints(reference["columns"]), xTest.ColumnIndices.ToArray());
            AssertClose(reference["values"]!.AsArray().Select(v => (double)v!).ToArray(), xTest.Values.ToArray(), 1e-12, $"{name}: TF-IDF values");

            var counts = new CountVectorizer(counting);
            var nb = new MultinomialNaiveBayes().Fit(counts.FitTransform(train), labels);
            var cTest = counts.Transform(test);
            Assert.Equal(Ints(reference["nbPredictions"]), nb.Predict(cTest));
            AssertClose(reference["nbJoint"]!.AsArray().SelectMany(r => r!.AsArray().Select(v => (double)v!)).ToArray(), nb.JointLogLikelihood(cTest), 1e-9, $"{name}: NB scores");

            var lr = new LogisticRegression(c, maxIterations: 5000, tolerance: 1e-8).Fit(xTrain, labels);
            Assert.Equal(Ints(reference["lrPredictions"]), lr.Predict(xTest));
            AssertClose(reference["lrProbabilities"]!.AsArray().SelectMany(r => r!.AsArray().Select(v => (double)v!)).ToArray(), lr.PredictProbabilities(xTest), 1e-4, $"{name}: LR probabilities (both optimisers stop near, not at, the optimum)");
        }
    }

    private JsonArray RunScikitLearn(string[] train, int[] labels, string[] test, (string Name, CountVectorizerOptions Counting, TfidfOptions Weighting, double C)[] cases)
    {
        var request = Path.Combine(_folder.Path, "request.json");
        var response = Path.Combine(_folder.Path, "response.json");
        var json = new JsonObject
        {
            ["train"] = new JsonArray(train.Select(t => (JsonNode)t!).ToArray()),
            ["test"] = new JsonArray(test.Select(t => (JsonNode)t!).ToArray()),
            ["labels"] = new JsonArray(labels.Select(l => (JsonNode)l).ToArray()),
            ["cases"] = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
            {
                ["lowercase"] = c.Counting.Lowercase,
                ["analyzer"] = c.Counting.Analyzer.ToString(),
                ["minN"] = c.Counting.MinN,
                ["maxN"] = c.Counting.MaxN,
                ["minDf"] = new JsonObject { ["value"] = c.Counting.MinDf.Value, ["proportion"] = c.Counting.MinDf.IsProportion },
                ["maxDf"] = new JsonObject { ["value"] = c.Counting.MaxDf.Value, ["proportion"] = c.Counting.MaxDf.IsProportion },
                ["maxFeatures"] = c.Counting.MaxFeatures,
                ["binary"] = c.Counting.Binary,
                ["norm"] = c.Weighting.Norm.ToString(),
                ["useIdf"] = c.Weighting.UseIdf,
                ["smoothIdf"] = c.Weighting.SmoothIdf,
                ["sublinearTf"] = c.Weighting.SublinearTf,
                ["c"] = c.C,
            }).ToArray()),
        };
        File.WriteAllText(request, json.ToJsonString());
        var script = Path.Combine(RepositoryPaths.Root, "tests", "RnnWorkbook.Tests", "Vectors", "sklearn_reference.py");
        using var process = Process.Start(new ProcessStartInfo(SklearnFactAttribute.Python, [script, request, response]) { RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(600_000), "scikit-learn did not finish in 10 minutes");
        Assert.True(process.ExitCode == 0, $"sklearn_reference.py failed: {errors.Result}");
        return JsonNode.Parse(File.ReadAllText(response))!.AsArray();
    }

    private static int[] Ints(JsonNode? node) => node!.AsArray().Select(v => (int)v!).ToArray();

    private static void AssertClose(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} values, got {actual.Length}");
        for (var i = 0; i < expected.Length; i++)
        {
            var scale = Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale, $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
