using RnnWorkbook.Text;

namespace RnnWorkbook.Tests.Text;

public class VocabularyTests
{
    private static readonly string[] _corpus = "the cat sat on the mat the dog sat on the log a cat".Split(' ');

    [Fact]
    public void Reserved_tokens_come_first()
    {
        Vocabulary vocabulary = Vocabulary.Build([]);
        Assert.Equal(["<pad>", "<unk>", "<bos>", "<eos>"], vocabulary.Tokens);
        Assert.Equal(0, Vocabulary.PadId);
        Assert.Equal(1, vocabulary.IdOf("never seen"));
    }

    [Fact]
    public void Ids_follow_count_then_ordinal_order()
    {
        // the ×4; sat, on, cat ×2 (ordinal: cat < on < sat); then a, dog, log, mat ×1.
        Vocabulary vocabulary = Vocabulary.Build(_corpus);
        Assert.Equal(["the", "cat", "on", "sat", "a", "dog", "log", "mat"], vocabulary.Tokens.Skip(4));
        Assert.Equal(4, vocabulary.IdOf("the"));
        Assert.Equal("cat", vocabulary[5]);
    }

    [Fact]
    public void Min_frequency_and_max_size_limit_the_table()
    {
        Assert.Equal(["the", "cat", "on", "sat"], Vocabulary.Build(_corpus, minFrequency: 2).Tokens.Skip(4));
        Assert.Equal(["the", "cat"], Vocabulary.Build(_corpus, maxSize: 6).Tokens.Skip(4));
        Assert.Equal(4, Vocabulary.Build(_corpus, maxSize: 4).Count);
    }

    [Fact]
    public void Corpus_reserved_tokens_keep_their_ids()
    {
        Vocabulary vocabulary = Vocabulary.Build(["<unk>", "<unk>", "word"]);
        Assert.Equal(5, vocabulary.Count);
        Assert.Equal(1, vocabulary.IdOf("<unk>"));
    }

    [Fact]
    public void Encode_and_decode_with_unknowns_and_markers()
    {
        Vocabulary vocabulary = Vocabulary.Build(_corpus);
        int[] ids = vocabulary.Encode(["the", "zebra", "sat"], addBeginAndEnd: true);
        Assert.Equal([2, 4, 1, 7, 3], ids);
        Assert.Equal(["<bos>", "the", "<unk>", "sat", "<eos>"], vocabulary.Decode(ids));
        Assert.Equal(["the", "sat"], vocabulary.Decode(ids, skipReserved: true));
    }

    [Fact]
    public void Out_of_vocabulary_rate_counts_unknown_tokens()
    {
        Vocabulary vocabulary = Vocabulary.Build(_corpus, minFrequency: 2);
        Assert.Equal(0.5, vocabulary.OutOfVocabularyRate(["the", "cat", "zebra", "mat"]));
        Assert.Equal(0, vocabulary.OutOfVocabularyRate([]));
    }

    [Fact]
    public void Out_of_vocabulary_rate_on_held_out_wikitext()
    {
        string[] words = Corpora.WikiTextValid.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        int half = words.Length / 2;
        Vocabulary vocabulary = Vocabulary.Build(words[..half]);
        double expected = (double)words[half..].Count(w => !vocabulary.Contains(w) || w == "<unk>") / (words.Length - half);
        double rate = vocabulary.OutOfVocabularyRate(words[half..]);
        Assert.Equal(expected, rate, 12);
        Assert.InRange(rate, 0.01, 0.5);
    }

    [Fact]
    public void Serves_a_word_language_model_read_with_eos_and_corpus_unk()
    {
        // Two lines as a language model reads them: tokens, then <eos>; the corpus writes <unk> itself.
        string[] tokens = ["the", "cat", "<unk>", "sat", "<eos>", "the", "dog", "sat", "<eos>"];

        var vocabulary = Vocabulary.Build(tokens, maxSize: 6);

        Assert.Equal(["<pad>", "<unk>", "<bos>", "<eos>", "sat", "the"], vocabulary.Tokens);
        Assert.Equal([5, 1, 1, 4, 3, 5, 1, 4, 3], vocabulary.Encode(tokens));
        Assert.Equal(3.0 / 9, vocabulary.OutOfVocabularyRate(tokens), 12);
    }

    [Fact]
    public void Save_and_load_round_trip_through_a_temporary_file()
    {
        string folder = Directory.CreateTempSubdirectory("vocab").FullName;
        try
        {
            string path = Path.Combine(folder, "nested", "vocab.json");
            Vocabulary vocabulary = Vocabulary.Build(["é", "한국", "\"quoted\"", "tab\t"]);
            vocabulary.Save(path);
            vocabulary.Save(path);
            Assert.Equal(vocabulary.Tokens, Vocabulary.Load(path).Tokens);
            Assert.Equal(["vocab.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Load_rejects_other_files()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"tokens\": [\"a\"]}");
            Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path));
            File.WriteAllText(path, "not json");
            Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Vocabulary.Build(null!));
        Assert.Throws<ArgumentNullException>(() => Vocabulary.Build(["a", null!]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.Build(_corpus, minFrequency: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.Build(_corpus, maxSize: 3));
        Assert.Throws<ArgumentException>(() => Vocabulary.FromTokens(["a", "a"]));
        Assert.Throws<ArgumentException>(() => Vocabulary.FromTokens(["<pad>"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.Build(_corpus)[99]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.Build(_corpus).Decode([-1]));
        Assert.Throws<ArgumentException>(() => Vocabulary.Build(_corpus).Save(""));
        Assert.ThrowsAny<IOException>(() => Vocabulary.Load("/nonexistent/vocab.json"));
    }
}
