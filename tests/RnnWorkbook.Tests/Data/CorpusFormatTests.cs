using System.Text;
using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Data;

/// <summary>The readers of the new corpora, on short texts in each format.</summary>
public sealed class CorpusFormatTests
{
    [Theory]
    [InlineData("The/at", "The", "AT")]
    [InlineData("Atlanta's/np$", "Atlanta's", "NP$")]
    [InlineData("1/2/cd", "1/2", "CD")]
    [InlineData("``/``", "``", "``")]
    public void Brown_token_splits_at_the_last_slash_and_upper_cases_the_tag(string token, string word, string tag) =>
        Assert.Equal(new TaggedWord(word, tag), TaggedWord.Parse(token));

    [Fact]
    public void Brown_file_has_one_sentence_a_non_blank_line()
    {
        var text = "\n\n\tThe/at jury/nn said/vbd ./.\n\n\n\tIt/pps rained/vbd ./.\n";

        var sentences = BrownCorpus.ParseSentences(text);

        Assert.Equal(2, sentences.Count);
        Assert.Equal([new("The", "AT"), new("jury", "NN"), new("said", "VBD"), new TaggedWord(".", ".")], sentences[0]);
        Assert.Equal(3, sentences[1].Count);
    }

    [Fact]
    public void Brown_token_without_a_tag_names_the_line()
    {
        var e = Assert.Throws<InvalidDataException>(() => BrownCorpus.ParseSentences("\tgood/jj\n\tbad\n", "brown/zz01"));
        Assert.Equal("brown/zz01 line 2: 'bad' is not a tagged token word/tag.", e.Message);
    }

    [Fact]
    public void Brown_categories_keep_file_order()
    {
        var cats = BrownCorpus.ParseCategories("ca01 news\nca02 news\ncr09 humor\n");
        Assert.Equal([new("ca01", "news"), new("ca02", "news"), new KeyValuePair<string, string>("cr09", "humor")], cats);
        Assert.Throws<InvalidDataException>(() => BrownCorpus.ParseCategories("ca01 news extra\n"));
    }

    [Fact]
    public void Polarity_lines_map_windows_1252_punctuation_and_drop_trailing_spaces()
    {
        var bytes = Encoding.UTF8.GetBytes("caf\u00e9 \u0096 fine . \nsecond line . \n");

        Assert.Equal(["café – fine .", "second line ."], Nltk.ParsePolarityLines(bytes));
    }

    [Fact]
    public void CmuDict_line_has_word_variant_and_phonemes()
    {
        var entries = Nltk.ParseCmuDict("TOMATO 1 T AH0 M EY1 T OW2\nTOMATO 2 T AH0 M AA1 T OW2\n");

        Assert.Equal(2, entries.Count);
        Assert.Equal(("TOMATO", 2), (entries[1].Word, entries[1].Variant));
        Assert.Equal(["T", "AH0", "M", "AA1", "T", "OW2"], entries[1].Phonemes);
        var e = Assert.Throws<InvalidDataException>(() => Nltk.ParseCmuDict("A 1 AH0\nB x B\n", "cmu"));
        Assert.StartsWith("cmu line 2:", e.Message);
    }

    [Fact]
    public void Conll2000_sentences_end_at_blank_lines()
    {
        var sentences = Nltk.ParseConll2000("Confidence NN B-NP\nin IN B-PP\n\nIt PRP B-NP\n");

        Assert.Equal(2, sentences.Count);
        Assert.Equal([new("Confidence", "NN", "B-NP"), new ChunkedWord("in", "IN", "B-PP")], sentences[0]);
        Assert.Equal(new ChunkedWord("It", "PRP", "B-NP"), sentences[1][0]);
        Assert.Throws<InvalidDataException>(() => Nltk.ParseConll2000("only two\n"));
    }

    [Fact]
    public void Universal_map_maps_listed_tags_and_unknown_ones_to_X()
    {
        var map = UniversalTagMap.Parse("test", "NN\tNOUN\nVBD\tVERB\n.\t.\n");

        Assert.Equal("NOUN", map.Map("NN"));
        Assert.Equal(".", map.Map("."));
        Assert.Equal("X", map.Map("FW-NN"));
        var e = Assert.Throws<InvalidDataException>(() => UniversalTagMap.Parse("bad", "NN\tNOUNS\n"));
        Assert.Contains("'NOUNS' is not one of the universal tags", e.Message);
    }

    [Fact]
    public void Word_pairs_skip_comments_and_parse_scores_invariantly()
    {
        var pairs = WordSimilarity.ParsePairs("# header\n# Word 1\tWord 2\tHuman (mean)\nlove\tsex\t6.77\ntiger\tcat\t7.35\n");

        Assert.Equal([new("love", "sex", 6.77), new WordPair("tiger", "cat", 7.35)], pairs);
        var e = Assert.Throws<InvalidDataException>(() => WordSimilarity.ParsePairs("a\tb\tx\n", "ws"));
        Assert.StartsWith("ws line 1:", e.Message);
    }

    [Fact]
    public void Analogies_carry_their_section()
    {
        var questions = WordSimilarity.ParseAnalogies(": capital-common-countries\nAthens Greece Baghdad Iraq\n: gram1-adjective-to-adverb\ncalm calmly quick quickly\n");

        Assert.Equal(new AnalogyQuestion("capital-common-countries", "Athens", "Greece", "Baghdad", "Iraq"), questions[0]);
        Assert.False(questions[0].IsSyntactic);
        Assert.True(questions[1].IsSyntactic);
        Assert.Throws<InvalidDataException>(() => WordSimilarity.ParseAnalogies("a b c d\n"));
    }

    [Fact]
    public void Hate_speech_rows_have_three_labels_and_bad_labels_name_the_column()
    {
        const string header = "comments\tcontain_gender_bias\tbias\thate\n";
        var rows = KoreanHateSpeech.Parse(header + "좋았다.\tFalse\tnone\tnone\n별로\tTrue\tgender\thate\n");

        Assert.Equal(new HateSpeechComment("좋았다.", false, HateSpeechBias.None, HateSpeechLabel.None), rows[0]);
        Assert.Equal(new HateSpeechComment("별로", true, HateSpeechBias.Gender, HateSpeechLabel.Hate), rows[1]);
        var e = Assert.Throws<InvalidDataException>(() => KoreanHateSpeech.Parse(header + "x\tFalse\tnone\tangry\n", "dev.tsv"));
        Assert.Equal("dev.tsv line 2: 'angry' is not a hate label (hate, offensive, none).", e.Message);
        Assert.Throws<InvalidDataException>(() => KoreanHateSpeech.Parse("", "empty.tsv"));
    }
}
