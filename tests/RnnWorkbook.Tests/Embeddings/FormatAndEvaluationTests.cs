using System.Text;
using RnnWorkbook.Data;
using RnnWorkbook.Embeddings;
using RnnWorkbook.Tests.Data;

namespace RnnWorkbook.Tests.Embeddings;

/// <summary>The word2vec file formats, the similarity and analogy benchmarks on hand-made vectors, Spearman with ties, PCA.</summary>
public class FormatAndEvaluationTests
{
    private static WordVectors Sample() => new(["king", "queen", "man", "woman", "한국어"],
        [1f, 1f, 0.5f, 1f, -1f, 0.25f, 1f / 3, 1f, -0.125f, 1f, -1f, 0.5f, 1e-7f, -2.5e8f, 3f], 3);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Text_and_binary_files_round_trip_exactly(bool binary)
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, binary ? "v.bin" : "v.txt");
        var original = Sample();
        Word2VecFormat.Save(original, path, binary);
        Assert.Equal([binary ? "v.bin" : "v.txt"], folder.Files());   // no temporary file left behind
        var loaded = Word2VecFormat.Load(path, binary);
        Assert.Equal(original.Words, loaded.Words);
        Assert.Equal(original.Data, loaded.Data);
        Assert.StartsWith("5 3\n", Encoding.UTF8.GetString(File.ReadAllBytes(path)[..4]));
        Assert.Equal(["king", "queen"], Word2VecFormat.Load(path, binary, maxWords: 2).Words);
    }

    [Fact]
    public void Binary_without_newlines_as_gensim_writes_is_read()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("2 2\n"));
        foreach (var (word, values) in new[] { ("a", new[] { 1f, 2f }), ("b", new[] { -3f, 0.5f }) })
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(word + " "));
            bytes.AddRange(values.SelectMany(BitConverter.GetBytes));
        }

        var vectors = Word2VecFormat.Read(new MemoryStream([.. bytes]), binary: true);
        Assert.Equal([1f, 2f, -3f, 0.5f], vectors.Data);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("hello world\nx 1 2\n", "malformed header 'hello world'")]
    [InlineData("3\nx 1 2\n", "malformed header '3'")]
    [InlineData("2 0\n", "dimension 0 is out of range")]
    [InlineData("2 2\nx 1 2\n", "ends after 1 of the 2 vectors")]
    [InlineData("1 2\nx 1 2 3\n", "line 2 has 3 values after the word; the header says 2")]
    [InlineData("1 2\nx 1 abc\n", "value 2 ('abc') is not a number")]
    public void Malformed_text_files_fail_naming_the_problem(string text, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => Word2VecFormat.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), binary: false, source: "t.txt"));
        Assert.Contains(expected, error.Message);
        Assert.StartsWith("t.txt: ", error.Message);
    }

    [Fact]
    public void Spearman_with_ties_matches_scipy()
    {
        // scipy.stats.spearmanr([1, 2, 2, 3, 5], [2, 1, 4, 4, 9]).correlation = 0.7631578947368421
        Assert.Equal([1, 2.5, 2.5, 4, 5], Spearman.Ranks([1, 2, 2, 3, 5]));
        Assert.Equal(0.7631578947368421, Spearman.Correlation([1, 2, 2, 3, 5], [2, 1, 4, 4, 9]), 12);
    }

    [Fact]
    public void Similarity_counts_pairs_out_of_vocabulary_and_analogies_solve_king_queen()
    {
        var v = new WordVectors(["king", "queen", "man", "woman", "apple", "paris", "france", "rome", "italy"],
        [
            1, 1, 0, 0,  1, -1, 0, 0,  0, 1, 0, 0,  0, -1, 0, 0,  0, 0, 0, 1,
            0, 0, 1, 0.2f,  0, 0, 1, 1,  0.1f, 0, 1, 0.15f,  0.1f, 0, 1, 1.05f,
        ], 4);
        Assert.Equal("queen", v.Analogy("man", "king", "woman")[0].Word);
        var pairs = new[] { new WordPair("King", "queen", 8), new WordPair("man", "woman", 6), new WordPair("king", "apple", 1), new WordPair("king", "xylophone", 0) };
        var score = EmbeddingEvaluation.Similarity(v, pairs, "toy");
        Assert.Equal(3, score.PairsUsed);
        Assert.Equal(0.25, score.OutOfVocabularyShare);
        Assert.True(double.IsFinite(score.Spearman));

        var questions = new[]
        {
            new AnalogyQuestion("family", "man", "king", "woman", "queen"),
            new AnalogyQuestion("capital-common-countries", "Paris", "France", "Rome", "Italy"),
            new AnalogyQuestion("gram1-adjective-to-adverb", "man", "woman", "king", "apple"),
            new AnalogyQuestion("gram1-adjective-to-adverb", "man", "woman", "king", "unknownword"),
        };
        var analogies = EmbeddingEvaluation.Analogies(v, questions);
        Assert.Equal(2, analogies.Semantic.Correct);
        Assert.Equal(2, analogies.Semantic.Answered);
        Assert.Equal(1, analogies.Syntactic.Answered);
        Assert.Equal(2, analogies.Syntactic.Total);
        Assert.Equal(0, analogies.Syntactic.Correct);
        // Restricted to the first 4 rows, the capital question is no longer answerable.
        Assert.Equal(1, EmbeddingEvaluation.Analogies(v, questions, restrictTo: 4).Semantic.Answered);
    }

    [Fact]
    public void Pca_finds_the_direction_of_largest_spread()
    {
        var points = new RnnWorkbook.Scratch.NdArray<float>([3, 0.1f, 0, -3, -0.1f, 0, 1, 0, 0.05f, -1, 0, -0.05f], 4, 3);
        var projected = Pca.Project(points, 2);
        Assert.Equal(Math.Sqrt(9.01), Math.Abs(projected[0, 0]), 3);
        Assert.True(Math.Abs(projected[0, 1]) < 0.2);
    }
}
