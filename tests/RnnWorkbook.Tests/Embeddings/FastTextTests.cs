using RnnWorkbook.Embeddings;

namespace RnnWorkbook.Tests.Embeddings;

/// <summary>FastText's n-grams and hash (values from gensim 4.2's ft_hash_bytes and compute_ngrams) and vectors for unseen words.</summary>
public class FastTextTests
{
    [Theory]
    [InlineData("<wh", 1048167652u)]
    [InlineData("whe", 888420941u)]
    [InlineData("ere>", 2257568469u)]
    [InlineData("<먹었", 2073864066u)]
    [InlineData("ㅁㅓㄱ", 4137218085u)]
    public void Hash_is_fastTexts_sign_extended_fnv1a(string ngram, uint expected) =>
        Assert.Equal(expected, SubwordNgrams.Hash(ngram));

    [Fact]
    public void Ngrams_of_where_and_of_a_korean_word()
    {
        string[] gensim = ["<wh", "whe", "her", "ere", "re>", "<whe", "wher", "here", "ere>", "<wher", "where", "here>", "<where", "where>"];
        Assert.Equal(gensim.Order(StringComparer.Ordinal), SubwordNgrams.Ngrams("where", 3, 6).Order(StringComparer.Ordinal));
        Assert.Equal(["<먹었", "<먹었다", "먹었다", "먹었다>", "었다>"], SubwordNgrams.Ngrams("먹었다", 3, 4));
        Assert.Equal("ㅁㅓㄱㅇㅓㅆㄷㅏ", SubwordNgrams.Spelling("먹었다", jamo: true));
    }

    [Fact]
    public void Unseen_words_get_vectors_from_their_ngrams_and_share_them_with_seen_words()
    {
        var random = new Random(3);
        var corpus = Enumerable.Range(0, 2_000).Select(_ =>
        {
            string topic = random.Next(2) == 0 ? "apple" : "zebra";
            return (IReadOnlyList<string>)[.. Enumerable.Range(0, 8).Select(_ => $"{topic}{"xyzuvw"[random.Next(6)]}{random.Next(3)}")];
        }).ToList();
        var options = new Word2VecOptions
        {
            Dimension = 24, Window = 3, Epochs = 3, MinCount = 1, Sample = 0,
            Subwords = new SubwordOptions { MinN = 3, MaxN = 5, Buckets = 50_000 },
        };
        var model = Word2VecTrainer.Train(corpus, options);
        Assert.True(model.HasSubwords);
        float[] unseenApple = model.VectorOf("applez7"), unseenZebra = model.VectorOf("zebraz7");
        double toApple = WordVectors.Cosine(unseenApple, model.VectorOf("applex1"));
        double toZebra = WordVectors.Cosine(unseenApple, model.VectorOf("zebrax1"));
        Assert.True(toApple > toZebra + 0.2, $"unseen apple-word: cosine {toApple:F3} to an apple word, {toZebra:F3} to a zebra word");
        Assert.True(WordVectors.Cosine(unseenZebra, model.VectorOf("zebraw2")) > WordVectors.Cosine(unseenZebra, model.VectorOf("applew2")));

        var plain = Word2VecTrainer.Train(corpus, options with { Subwords = null });
        Assert.Throws<KeyNotFoundException>(() => plain.VectorOf("applez7"));
    }
}
