using System.Text.RegularExpressions;
using RnnWorkbook.Text;
using RnnWorkbook.Text.Tokenizers;

namespace RnnWorkbook.Tests.Text;

public class SimpleTokenizerTests
{
    [Fact]
    public void Whitespace_tokenizer_keeps_punctuation_attached()
    {
        IReadOnlyList<Token> tokens = new WhitespaceTokenizer().Tokenize(" Hello,\tworld!\n안녕 ");
        Assert.Equal([new Token("Hello,", 1, 6), new Token("world!", 8, 6), new Token("안녕", 15, 2)], tokens);
    }

    [Fact]
    public void Regex_tokenizer_matches_tokens()
    {
        var tokenizer = new RegexTokenizer(@"\w+|[^\w\s]+");
        Assert.Equal(["Good", "muffins", "cost", "$", "3", ".", "88"], tokenizer.Tokenize("Good muffins cost $3.88").Select(t => t.Text));
    }

    [Fact]
    public void Regex_tokenizer_in_gaps_mode_matches_separators()
    {
        var tokenizer = new RegexTokenizer(@"\s*,\s*", gaps: true);
        Assert.Equal([new Token("a", 0, 1), new Token("b c", 3, 3), new Token("d", 9, 1)], tokenizer.Tokenize("a, b c , d"));
        var keepEmpty = new RegexTokenizer(new Regex(","), gaps: true, discardEmpty: false);
        Assert.Equal(["a", "", "b", ""], keepEmpty.Tokenize("a,,b,").Select(t => t.Text));
        Assert.True(keepEmpty.Gaps);
    }

    [Fact]
    public void Regex_tokenizer_rejects_bad_patterns()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new RegexTokenizer("(unclosed"));
        Assert.Equal("pattern", error.ParamName);
        Assert.Throws<ArgumentException>(() => new RegexTokenizer(""));
        Assert.Throws<ArgumentNullException>(() => new RegexTokenizer((Regex)null!));
    }

    [Fact]
    public void Character_tokenizer_keeps_grapheme_clusters_whole()
    {
        string text = "a👩‍💻e\u0301한\u1112\u1161\u11AB🇰🇷 ";
        Assert.Equal(["a", "👩‍💻", "e\u0301", "한", "\u1112\u1161\u11AB", "🇰🇷", " "], new CharacterTokenizer().Tokenize(text).Select(t => t.Text));
        Assert.Equal(6, new CharacterTokenizer(includeWhiteSpace: false).Tokenize(text).Count);
    }

    [Fact]
    public void NGrams_of_words_and_characters()
    {
        Assert.Equal(["I like", "like green", "green tea"], NGrams.Words(["I", "like", "green", "tea"], 2));
        Assert.Equal([[1, 2, 3], [2, 3, 4]], NGrams.Of([1, 2, 3, 4], 3));
        Assert.Empty(NGrams.Of([1, 2], 3));
        Assert.Equal([new Token("한국", 0, 2), new Token("국어", 1, 2)], NGrams.Characters("한국어", 2));
        Assert.Equal(["a👍", "👍b"], NGrams.Characters("a👍b", 2).Select(t => t.Text));
        Assert.Empty(NGrams.Characters("", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NGrams.Characters("abc", 0));
        Assert.Throws<ArgumentNullException>(() => NGrams.Words(null!, 2));
    }

    [Fact]
    public void Token_slice_checks_its_range()
    {
        Assert.Equal(new Token("bc", 1, 2), Token.Slice("abcd", 1, 2));
        Assert.Equal(3, Token.Slice("abcd", 1, 2).End);
        Assert.Throws<ArgumentOutOfRangeException>(() => Token.Slice("abcd", 3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Token.Slice("abcd", -1, 1));
        Assert.Throws<ArgumentNullException>(() => Token.Slice(null!, 0, 0));
    }
}
