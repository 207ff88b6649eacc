using RnnWorkbook.Text;
using RnnWorkbook.Text.Tokenizers;

namespace RnnWorkbook.Tests.Text;

public class SentenceSplitterTests
{
    private readonly SentenceSplitter _splitter = new();

    private string[] Sentences(string text) => _splitter.Tokenize(text).Select(t => t.Text).ToArray();

    [Fact]
    public void Splits_on_terminators_followed_by_space_and_a_capital() =>
        Assert.Equal(["It rained.", "We stayed in!", "Did you?"], Sentences("It rained. We stayed in! Did you?"));

    [Fact]
    public void Abbreviations_initials_and_decimals_do_not_end_sentences() =>
        Assert.Equal(
            ["Mr. Smith met Dr. Kim at 3.30 p.m. on Fig. 2 day.", "J. K. Rowling wrote it, e.g. this one.", "Done."],
            Sentences("Mr. Smith met Dr. Kim at 3.30 p.m. on Fig. 2 day. J. K. Rowling wrote it, e.g. this one. Done."));

    [Fact]
    public void A_lowercase_next_word_continues_the_sentence() =>
        Assert.Equal(["He said \"wait...\" and left."], Sentences("He said \"wait...\" and left."));

    [Fact]
    public void Closing_quotes_stay_with_their_sentence() =>
        Assert.Equal(["He said \"Stop.\"", "Then he left."], Sentences("He said \"Stop.\" Then he left."));

    [Fact]
    public void Korean_endings_split_with_or_without_space() =>
        Assert.Equal(["밥을 먹었다.", "정말 맛있어요!", "또 갈까요?", "그래요.", "좋아요."],
            Sentences("밥을 먹었다. 정말 맛있어요! 또 갈까요? 그래요.좋아요."));

    [Fact]
    public void List_numbers_and_blank_lines() =>
        Assert.Equal(["1. First point", "Second paragraph"], Sentences("1. First point\n\n  Second paragraph"));

    [Fact]
    public void Offsets_point_at_the_trimmed_sentence()
    {
        const string text = "  One.  Two?  ";
        IReadOnlyList<Token> sentences = _splitter.Tokenize(text);
        Assert.Equal([new Token("One.", 2, 4), new Token("Two?", 8, 4)], sentences);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Empty_text_has_no_sentences(string text) => Assert.Empty(_splitter.Tokenize(text));

    [Fact]
    public void Text_without_terminator_is_one_sentence() => Assert.Equal(["no full stop here"], Sentences("no full stop here"));

    [Fact]
    public void Null_is_rejected() => Assert.Throws<ArgumentNullException>(() => _splitter.Tokenize(null!));
}
