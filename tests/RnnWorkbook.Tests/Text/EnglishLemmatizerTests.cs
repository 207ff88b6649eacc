using RnnWorkbook.Text.Lemmatization;

namespace RnnWorkbook.Tests.Text;

public class EnglishLemmatizerTests
{
    private readonly EnglishLemmatizer _lemmatizer = new();

    [Theory]
    [InlineData("be", "am")]
    [InlineData("be", "is")]
    [InlineData("be", "are")]
    [InlineData("be", "was")]
    [InlineData("be", "were")]
    [InlineData("be", "been")]
    [InlineData("be", "being")]
    [InlineData("go", "went")]
    [InlineData("go", "gone")]
    [InlineData("go", "goes")]
    [InlineData("have", "has")]
    [InlineData("have", "hath")]
    [InlineData("do", "doth")]
    [InlineData("write", "wrote")]
    [InlineData("write", "written")]
    [InlineData("think", "thought")]
    [InlineData("swim", "swum")]
    [InlineData("understand", "understood")]
    public void Irregular_verb_forms_map_to_their_base(string lemma, string form) =>
        Assert.Equal(lemma, _lemmatizer.Lemmatize(form, PartOfSpeech.Verb));

    [Theory]
    [InlineData("child", "children")]
    [InlineData("mouse", "mice")]
    [InlineData("person", "people")]
    [InlineData("tooth", "teeth")]
    [InlineData("analysis", "analyses")]
    [InlineData("criterion", "criteria")]
    [InlineData("knife", "knives")]
    [InlineData("sheep", "sheep")]
    public void Irregular_plurals_map_to_the_singular(string lemma, string form) =>
        Assert.Equal(lemma, _lemmatizer.Lemmatize(form, PartOfSpeech.Noun));

    [Theory]
    [InlineData("cat", "cats")]
    [InlineData("box", "boxes")]
    [InlineData("church", "churches")]
    [InlineData("city", "cities")]
    [InlineData("tie", "ties")]
    [InlineData("wolf", "wolves")]
    [InlineData("house", "houses")]
    [InlineData("potato", "potatoes")]
    [InlineData("bus", "buses")]
    [InlineData("glass", "glass")]
    [InlineData("chairman", "chairmen")]
    public void Regular_plurals_are_checked_against_the_noun_list(string lemma, string form) =>
        Assert.Equal(lemma, _lemmatizer.Lemmatize(form, PartOfSpeech.Noun));

    [Theory]
    [InlineData("walk", "walked")]
    [InlineData("stop", "stopped")]
    [InlineData("hop", "hopping")]
    [InlineData("hope", "hoping")]
    [InlineData("hope", "hoped")]
    [InlineData("make", "making")]
    [InlineData("run", "running")]
    [InlineData("fall", "falling")]
    [InlineData("sing", "singing")]
    [InlineData("agree", "agreed")]
    [InlineData("use", "used")]
    [InlineData("visit", "visited")]
    [InlineData("cry", "cried")]
    [InlineData("die", "dying")]
    [InlineData("play", "playing")]
    [InlineData("watch", "watches")]
    [InlineData("carry", "carries")]
    [InlineData("add", "adding")]
    public void Regular_verb_forms_undo_doubling_and_silent_e(string lemma, string form) =>
        Assert.Equal(lemma, _lemmatizer.Lemmatize(form, PartOfSpeech.Verb));

    [Theory]
    [InlineData("good", "better")]
    [InlineData("good", "best")]
    [InlineData("bad", "worse")]
    [InlineData("big", "bigger")]
    [InlineData("big", "biggest")]
    [InlineData("large", "larger")]
    [InlineData("happy", "happier")]
    [InlineData("happy", "happiest")]
    [InlineData("fast", "faster")]
    public void Comparatives_and_superlatives_map_to_the_adjective(string lemma, string form) =>
        Assert.Equal(lemma, _lemmatizer.Lemmatize(form, PartOfSpeech.Adjective));

    [Theory]
    [InlineData("this", "this")]
    [InlineData("news", "news")]
    [InlineData("thing", "thing")]
    [InlineData("during", "during")]
    [InlineData("xyzzyed", "xyzzyed")]
    public void Rules_never_invent_words(string form, string lemma) =>
        Assert.Equal(lemma, _lemmatizer.Lemmatize(form));

    [Theory]
    [InlineData("leaves", "leaf")]
    [InlineData("went", "go")]
    [InlineData("children", "child")]
    [InlineData("meeting", "meeting")]
    [InlineData("left", "left")]
    [InlineData("running", "run")]
    [InlineData("better", "good")]
    public void Without_a_hint_base_words_stay_and_noun_comes_first(string form, string lemma) =>
        Assert.Equal(lemma, _lemmatizer.Lemmatize(form));

    [Fact]
    public void A_hint_chooses_the_reading()
    {
        Assert.Equal("leaf", _lemmatizer.Lemmatize("leaves", PartOfSpeech.Noun));
        Assert.Equal("leave", _lemmatizer.Lemmatize("leaves", PartOfSpeech.Verb));
        Assert.Equal("leave", _lemmatizer.Lemmatize("left", PartOfSpeech.Verb));
        Assert.Equal("meet", _lemmatizer.Lemmatize("meeting", PartOfSpeech.Verb));
    }

    [Fact]
    public void Case_is_folded() => Assert.Equal("child", _lemmatizer.Lemmatize("Children"));

    [Fact]
    public void Extra_words_extend_the_lists()
    {
        Assert.Equal("tokenizers", _lemmatizer.Lemmatize("tokenizers", PartOfSpeech.Noun));
        var extended = new EnglishLemmatizer(extraNouns: ["tokenizer"], extraVerbs: ["tokenize"]);
        Assert.Equal("tokenizer", extended.Lemmatize("tokenizers", PartOfSpeech.Noun));
        Assert.Equal("tokenize", extended.Lemmatize("tokenizing", PartOfSpeech.Verb));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => _lemmatizer.Lemmatize(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => _lemmatizer.Lemmatize("cats", (PartOfSpeech)99));
        Assert.Throws<ArgumentException>(() => new EnglishLemmatizer(extraNouns: [""]));
    }
}
