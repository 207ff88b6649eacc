using RnnWorkbook.Vectors;

namespace RnnWorkbook.Tests.Vectors;

public sealed class CountBasedVectorsTests
{
    private static readonly string[] _bookVocabulary = ["you", "say", "goodbye", "and", "i", "hello", "."];

    [Fact]
    public void Cooccurrence_and_ppmi_of_the_books_sentence()
    {
        // "Deep Learning from Scratch 2", chapter 2: "You say goodbye and I say hello." with a window of 1.
        IReadOnlyList<string>[] sentences = [["you", "say", "goodbye", "and", "i", "say", "hello", "."]];

        var counts = Cooccurrence.Count(sentences, _bookVocabulary, window: 1);
        var ppmi = Cooccurrence.Ppmi(counts);

        Assert.Equal(new double[,]
        {
            { 0, 1, 0, 0, 0, 0, 0 }, { 1, 0, 1, 0, 1, 1, 0 }, { 0, 1, 0, 1, 0, 0, 0 }, { 0, 0, 1, 0, 1, 0, 0 },
            { 0, 1, 0, 1, 0, 0, 0 }, { 0, 1, 0, 0, 0, 0, 1 }, { 0, 0, 0, 0, 0, 1, 0 },
        }, counts.ToDense());
        Assert.Equal(Math.Log2(14.0 / 4), ppmi[0, 1], 12);   // 1.807 in the book
        Assert.Equal(Math.Log2(14.0 / 8), ppmi[1, 2], 12);   // 0.807
        Assert.Equal(Math.Log2(14.0 / 2), ppmi[5, 6], 12);   // 2.807
        Assert.Equal(0, ppmi[0, 0]);
    }

    [Fact]
    public void Windows_stop_at_sentence_ends_and_skip_unknown_words_without_closing_gaps()
    {
        IReadOnlyList<string>[] sentences = [["a", "x", "b"], ["b", "a"]];

        var counts = Cooccurrence.Count(sentences, ["a", "b"], window: 2);

        Assert.Equal(new double[,] { { 0, 2 }, { 2, 0 } }, counts.ToDense());
        Assert.Equal(1, Cooccurrence.Count(sentences, ["a", "b"], window: 1)[0, 1]); // only "b a" is adjacent
        Assert.Equal(["b", "a"], Cooccurrence.Vocabulary([["a", "b", "b"]], maxWords: 5));
    }

    [Fact]
    public void Top_singular_vectors_of_a_two_by_two_case_worked_by_hand()
    {
        // A = [[3, 0], [4, 5]]: AᵀA = [[25, 20], [20, 25]] has eigenvalues 45 and 5, so σ = √45 and √5. With Ω = I the
        // basis Q spans the whole range and the step is exact.
        double[,] dense = { { 3, 0 }, { 4, 5 } };
        var (u, s, v) = TruncatedSvd.TopSingularVectors(ClassifierTests.Csr(dense), 2, [1, 0, 0, 1], 2, powerIterations: 0);

        Assert.Equal(Math.Sqrt(45), s[0], 12);
        Assert.Equal(Math.Sqrt(5), s[1], 12);
        for (var k = 0; k < 2; k++)
        {
            for (var r = 0; r < 2; r++)
                Assert.Equal(s[k] * u[(r * 2) + k], (dense[r, 0] * v[k]) + (dense[r, 1] * v[2 + k]), 12); // A v_k = σ_k u_k
        }
    }

    [Fact]
    public void Randomized_svd_recovers_the_exact_singular_values_and_vectors()
    {
        var random = new Random(11);
        var dense = new double[30, 20];
        for (var r = 0; r < 30; r++)
        {
            for (var c = 0; c < 20; c++)
                dense[r, c] = random.NextDouble() < 0.3 ? random.NextDouble() * 3 : 0;
        }

        var a = ClassifierTests.Csr(dense);
        var svd = TruncatedSvd.Randomized(a, rank: 5, oversampling: 15, powerIterations: 2);

        // Exact: the eigenvalues of AᵀA are the squared singular values.
        var ata = new double[20 * 20];
        for (var i = 0; i < 20; i++)
        {
            for (var j = 0; j < 20; j++)
            {
                for (var r = 0; r < 30; r++)
                    ata[(i * 20) + j] += dense[r, i] * dense[r, j];
            }
        }

        var (eigenvalues, _) = Dense.SymmetricEigen(ata, 20);
        for (var k = 0; k < 5; k++)
            Assert.Equal(Math.Sqrt(eigenvalues[k]), svd.SingularValues[k], 9);

        // A v_k = σ_k u_k and the columns of U are orthonormal.
        var av = a.Multiply(svd.V, 5);
        for (var r = 0; r < 30; r++)
        {
            for (var k = 0; k < 5; k++)
                Assert.Equal(svd.SingularValues[k] * svd.U[(r * 5) + k], av[(r * 5) + k], 9);
        }

        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
                Assert.Equal(i == j ? 1.0 : 0.0, Enumerable.Range(0, 30).Sum(r => svd.U[(r * 5) + i] * svd.U[(r * 5) + j]), 10);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_vectors()
    {
        var a = ClassifierTests.Csr(new double[,] { { 1, 2, 0 }, { 0, 1, 3 }, { 4, 0, 1 }, { 1, 1, 1 } });

        Assert.Equal(TruncatedSvd.Randomized(a, 2, seed: 5).U, TruncatedSvd.Randomized(a, 2, seed: 5).U);
    }

    [Fact]
    public void Word_vectors_rank_neighbours_by_cosine_and_report_out_of_vocabulary_pairs()
    {
        var vectors = new WordVectors(["cat", "dog", "car"], [1, 0.1, 0.9, 0.2, 0, 1], dimension: 2);

        Assert.Equal("dog", vectors.MostSimilar("cat", 1)[0].Word);
        Assert.Equal(1.0, vectors.Similarity("car", "car"), 14);
        var evaluation = vectors.Evaluate([new("cat", "dog", 9), new("cat", "car", 2), new("dog", "car", 3), new("Cat", "zebra", 5)], w => w.ToLowerInvariant());
        Assert.Equal(3, evaluation.Covered);
        Assert.Equal(0.25, evaluation.OutOfVocabularyShare, 14);
        Assert.Equal(1.0, evaluation.Spearman, 12);
        Assert.Throws<KeyNotFoundException>(() => vectors.Similarity("cat", "zebra"));
    }

    [Fact]
    public void One_hot_vectors_have_the_three_problems()
    {
        var encoder = new OneHotEncoder(["you", "say", "goodbye", "say"]);

        Assert.Equal(3, encoder.Dimension);
        Assert.Equal([0, 1, 0], encoder.Encode("say"));
        Assert.Equal(0, OneHotEncoder.Cosine(encoder.Encode("you"), encoder.Encode("goodbye")));
        Assert.Equal(1, OneHotEncoder.Cosine(encoder.Encode("you"), encoder.Encode("you")));
        Assert.Contains("no slot", Assert.Throws<KeyNotFoundException>(() => encoder.Encode("hello")).Message);
    }

    [Fact]
    public void Search_engine_ranks_documents_sharing_rare_query_terms_first()
    {
        var engine = new TfidfSearchEngine(["the alien invades earth", "the film is a comedy", "an alien comedy about the earth"]);

        var hits = engine.Search("alien comedy");

        Assert.Equal(2, hits[0].Document);
        Assert.Equal(["alien", "comedy"], hits[0].MatchedTerms.Order());
        Assert.Equal(3, hits.Count);
        Assert.Empty(engine.Search("zebra"));
    }
}
