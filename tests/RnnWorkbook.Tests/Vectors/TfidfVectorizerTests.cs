using RnnWorkbook.Vectors;

namespace RnnWorkbook.Tests.Vectors;

public sealed class TfidfVectorizerTests : IDisposable
{
    private static readonly string[] _docs = ["the cat sat", "the cat sat on the mat", "dogs bark"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rnnworkbook-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Idf_follows_the_smoothed_and_plain_formulas_worked_by_hand()
    {
        // n = 3; "the" is in 2 documents: smooth ln(4/3) + 1, plain ln(3/2) + 1.
        var smooth = new TfidfVectorizer().Fit(_docs);
        var plain = new TfidfVectorizer(weighting: new() { SmoothIdf = false }).Fit(_docs);
        var the = smooth.Counts.Vocabulary["the"];

        Assert.Equal(["bark", "cat", "dogs", "mat", "on", "sat", "the"], smooth.FeatureNames);
        Assert.Equal(1.2876820724517808, smooth.Idf[the], 15);
        Assert.Equal(1.4054651081081644, plain.Idf[the], 15);
        Assert.Equal(Math.Log(4.0 / 2) + 1, smooth.Idf[smooth.Counts.Vocabulary["mat"]], 15);
    }

    [Fact]
    public void Row_of_the_second_document_matches_a_hand_computation()
    {
        var x = new TfidfVectorizer().FitTransform(_docs);

        // tf: cat 1, mat 1, on 1, sat 1, the 2; idf: cat/sat/the ln(4/3)+1, mat/on ln(2)+1; then L2.
        double a = Math.Log(4.0 / 3) + 1, b = Math.Log(2) + 1;
        double[] raw = [0, a, 0, b, b, a, 2 * a];
        var norm = Math.Sqrt(raw.Sum(v => v * v));
        for (var t = 0; t < raw.Length; t++)
            Assert.Equal(raw[t] / norm, x[1, t], 14);
    }

    [Fact]
    public void Sublinear_tf_l1_and_no_norm()
    {
        var l1 = new TfidfVectorizer(weighting: new() { Norm = TfidfNorm.L1, SublinearTf = true }).FitTransform(_docs);
        var none = new TfidfVectorizer(weighting: new() { Norm = TfidfNorm.None, UseIdf = false }).FitTransform(_docs);

        double sum = 0;
        foreach (var v in l1.Row(1).Values)
            sum += v;
        Assert.Equal(1.0, sum, 14);
        var the = 6;
        Assert.Equal((1 + Math.Log(2)) * (Math.Log(4.0 / 3) + 1) / ((2 * (Math.Log(4.0 / 3) + 1)) + (2 * (Math.Log(2) + 1)) + ((1 + Math.Log(2)) * (Math.Log(4.0 / 3) + 1))), l1[1, the], 14);
        Assert.Equal(2.0, none[1, the]);
    }

    [Fact]
    public void Empty_and_unknown_documents_give_zero_rows_not_NaN()
    {
        var vectorizer = new TfidfVectorizer().Fit(_docs);

        var x = vectorizer.Transform(["", "zebras everywhere", "the"], out var stats);

        Assert.Equal(0, x.Row(0).Count);
        Assert.Equal(0, x.Row(1).Count);
        Assert.Equal(1.0, x[2, 6], 15);
        Assert.DoesNotContain(x.Values.ToArray(), double.IsNaN);
        Assert.Equal(2, stats.EmptyRows);
        Assert.Equal(0.0, x.Row(0).Cosine(x.Row(2)));
    }

    [Fact]
    public void Saved_and_loaded_vectorizer_gives_identical_output()
    {
        var options = new CountVectorizerOptions { MaxN = 2, MinDf = DocumentFrequency.Count(1), MaxDf = DocumentFrequency.Proportion(0.9) };
        var vectorizer = new TfidfVectorizer(options, new() { SublinearTf = true, Norm = TfidfNorm.L1 }).Fit(_docs);
        var path = Path.Combine(_folder, "tfidf.json");

        vectorizer.Save(path);
        var loaded = TfidfVectorizer.Load(path);

        string[] probe = ["the cat on the mat barks", "", "dogs sat"];
        var expected = vectorizer.Transform(probe);
        var actual = loaded.Transform(probe);
        Assert.Equal(vectorizer.FeatureNames, loaded.FeatureNames);
        Assert.Equal(expected.RowPointers.ToArray(), actual.RowPointers.ToArray());
        Assert.Equal(expected.ColumnIndices.ToArray(), actual.ColumnIndices.ToArray());
        Assert.Equal(expected.Values.ToArray(), actual.Values.ToArray());
        Assert.Equal(options with { }, loaded.Counts.Options);
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Count_vectorizer_round_trips_and_bad_files_are_named()
    {
        var counts = new CountVectorizer(new() { Binary = true }).Fit(_docs);
        var path = Path.Combine(_folder, "counts.json");
        counts.Save(path);

        Assert.Equal(counts.Transform(_docs).Values.ToArray(), CountVectorizer.Load(path).Transform(_docs).Values.ToArray());
        var wrongKind = Assert.Throws<InvalidDataException>(() => TfidfVectorizer.Load(path));
        Assert.Contains("expected a tfidf vectorizer", wrongKind.Message);
        File.WriteAllText(path, "{ not json");
        Assert.Contains("not a saved vectorizer", Assert.Throws<InvalidDataException>(() => CountVectorizer.Load(path)).Message);
        Assert.Throws<NotSupportedException>(() => new CountVectorizer(new() { Tokenizer = t => [t] }).Fit(_docs).Save(path));
    }
}
