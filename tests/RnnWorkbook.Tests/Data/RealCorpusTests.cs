using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Data;

/// <summary>
/// The corpora added for chapters 03-10, read from the real mirror through verified archives. Expected
/// numbers were counted independently with Python's zipfile and str.split on the same files.
/// </summary>
public sealed class RealCorpusTests : IDisposable
{
    private readonly TempFolder _cache = new();
    private readonly HttpClient _offline = new(new NoNetworkHandler());
    private readonly DatasetStore _store;

    public RealCorpusTests()
    {
        _store = new DatasetStore(DatasetCatalog.Default, new DataLocations(RepositoryPaths.RealMirror, _cache.Path), _offline);
    }

    public void Dispose()
    {
        _offline.Dispose();
        _cache.Dispose();
    }

    [MirrorFact]
    public void Brown_has_500_texts_57340_sentences_and_1161192_words_in_15_genres()
    {
        var documents = Nltk.Brown(_store);

        Assert.Equal(500, documents.Count);
        Assert.Equal(57_340, documents.Sum(d => d.Sentences.Count));
        Assert.Equal(1_161_192, documents.Sum(d => d.TaggedWords.Count()));
        Assert.Equal(15, documents.Select(d => d.Category).Distinct().Count());
        Assert.Equal(80, documents.Count(d => d.Category == "learned"));
        Assert.Equal(("ca01", "news", 98), (documents[0].Id, documents[0].Category, documents[0].Sentences.Count));
        Assert.Equal([new("The", "AT"), new("Fulton", "NP-TL"), new TaggedWord("County", "NN-TL")], documents[0].Sentences[0].Take(3));
        Assert.Equal(69_971, documents.SelectMany(d => d.Words).Count(w => w.Equals("the", StringComparison.OrdinalIgnoreCase)));
        Assert.Empty(_cache.Files());
    }

    [MirrorFact]
    public void Every_Brown_tag_has_a_universal_tag()
    {
        var map = Nltk.UniversalTagMap("en-brown", _store);
        var tags = Nltk.Brown(_store).SelectMany(d => d.TaggedWords).Select(w => w.Tag).ToHashSet();

        Assert.Equal(472, tags.Count);
        Assert.All(tags, t => Assert.True(map.Entries.ContainsKey(t), $"{t} is not in en-brown.map"));
        Assert.Equal(UniversalTagMap.UniversalTags.Order(), map.Entries.Values.Distinct().Order());
        Assert.Equal(187, Nltk.UniversalTagMap("ko-sejong", _store).Entries.Count);
    }

    [MirrorFact]
    public void Movie_reviews_are_1000_negative_and_1000_positive()
    {
        var reviews = Nltk.MovieReviews(_store);

        Assert.Equal(2_000, reviews.Count);
        Assert.Equal(1_000, reviews.Count(r => r.Label == Polarity.Positive));
        Assert.Equal("neg/cv000_29416.txt", reviews[0].Id);
        Assert.StartsWith("plot : two teen couples go to a church party , drink and then drive .", reviews[0].Text);
        Assert.Equal(7_786_004, reviews.Sum(r => (long)System.Text.Encoding.UTF8.GetByteCount(r.Text)));
    }

    [MirrorFact]
    public void Sentence_polarity_has_5331_lines_of_each_class()
    {
        var lines = Nltk.SentencePolarity(_store);

        Assert.Equal(10_662, lines.Count);
        Assert.Equal(5_331, lines.Count(l => l.Label == Polarity.Negative));
        Assert.Equal(new LabelledText("simplistic , silly and tedious .", Polarity.Negative), lines[5_331]);
        Assert.DoesNotContain(lines, l => l.Text.Any(c => c is >= '\u0080' and <= '\u009F'));
        Assert.Contains(lines, l => l.Text.Contains('é'));
    }

    [MirrorFact]
    public void Names_are_5001_female_and_2943_male_with_365_in_both()
    {
        var names = Nltk.Names(_store);

        Assert.Equal(5_001, names.Female.Count);
        Assert.Equal(2_943, names.Male.Count);
        Assert.Equal(365, names.Female.Intersect(names.Male).Count());
        Assert.Equal(("Abagael", "Zorro"), (names.Female[0], names.Male[^1]));
    }

    [MirrorFact]
    public void CmuDict_has_133737_pronunciations()
    {
        var entries = Nltk.CmuDict(_store);

        Assert.Equal(133_737, entries.Count);
        Assert.Equal("TOMATO 2 T AH0 M AA1 T OW2", entries.Single(e => e.Word == "TOMATO" && e.Variant == 2).ToString());
    }

    [MirrorFact]
    public void Conll2000_has_8936_training_and_2012_test_sentences()
    {
        var train = Nltk.Conll2000("train", _store);
        var test = Nltk.Conll2000("test", _store);

        Assert.Equal(8_936, train.Count);
        Assert.Equal(211_727, train.Sum(s => s.Count));
        Assert.Equal(2_012, test.Count);
        Assert.Equal(47_377, test.Sum(s => s.Count));
        Assert.Equal(new ChunkedWord("Rockwell", "NNP", "B-NP"), test[0][0]);
        Assert.Throws<ArgumentException>(() => Nltk.Conll2000("dev", _store));
    }

    [MirrorFact]
    public void Word_similarity_sets_have_353_and_999_pairs_and_19544_analogies()
    {
        var wordSim = WordSimilarity.WordSim353(_store);
        var simLex = WordSimilarity.SimLex999(_store);
        var analogies = WordSimilarity.Analogies(_store);

        Assert.Equal(353, wordSim.Count);
        Assert.Equal(new WordPair("love", "sex", 6.77), wordSim[0]);
        Assert.Equal(new WordPair("architecture", "century", 3.78), wordSim[^1]);
        Assert.Equal(999, simLex.Count);
        Assert.Equal(new WordPair("attend", "arrive", 6.08), simLex[^1]);
        Assert.Equal(19_544, analogies.Count);
        Assert.Equal(14, analogies.Select(q => q.Section).Distinct().Count());
        Assert.Equal(10_675, analogies.Count(q => q.IsSyntactic));
        Assert.Equal(new AnalogyQuestion("gram9-plural-verbs", "write", "writes", "work", "works"), analogies[^1]);
    }

    [MirrorFact]
    public void Hate_speech_has_7896_training_and_471_dev_comments()
    {
        var train = KoreanHateSpeech.Train(_store);
        var dev = KoreanHateSpeech.Dev(_store);

        Assert.Equal(7_896, train.Count);
        Assert.Equal((3_486, 2_499, 1_911), (train.Count(c => c.Hate == HateSpeechLabel.None), train.Count(c => c.Hate == HateSpeechLabel.Offensive), train.Count(c => c.Hate == HateSpeechLabel.Hate)));
        Assert.Equal(1_232, train.Count(c => c.ContainsGenderBias));
        Assert.Equal(1_516, train.Count(c => c.Bias == HateSpeechBias.Others));
        Assert.Equal(471, dev.Count);
        Assert.Equal(new HateSpeechComment("송중기 시대극은 믿고본다. 첫회 신선하고 좋았다.", false, HateSpeechBias.None, HateSpeechLabel.None), dev[0]);
        Assert.Equal(33_893, KoreanHateSpeech.Unlabeled(_store).Count);
    }
}
