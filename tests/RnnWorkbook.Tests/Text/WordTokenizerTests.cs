using RnnWorkbook.Text;
using RnnWorkbook.Text.Tokenizers;

namespace RnnWorkbook.Tests.Text;

public class WordTokenizerTests
{
    private readonly WordTokenizer _tokenizer = new();

    private string[] Words(string text) => _tokenizer.Tokenize(text).Select(t => t.Text).ToArray();

    [Theory]
    [InlineData("don't", new[] { "do", "n't" })]
    [InlineData("I'm here.", new[] { "I", "'m", "here", "." })]
    [InlineData("we'll go", new[] { "we", "'ll", "go" })]
    [InlineData("they're", new[] { "they", "'re" })]
    [InlineData("I've", new[] { "I", "'ve" })]
    [InlineData("she'd", new[] { "she", "'d" })]
    [InlineData("John's", new[] { "John", "'s" })]
    [InlineData("can't", new[] { "ca", "n't" })]
    [InlineData("won't", new[] { "wo", "n't" })]
    [InlineData("DON'T", new[] { "DO", "N'T" })]
    [InlineData("don’t", new[] { "do", "n’t" })]
    [InlineData("I'd've", new[] { "I", "'d", "'ve" })]
    [InlineData("cannot", new[] { "can", "not" })]
    [InlineData("gonna", new[] { "gon", "na" })]
    [InlineData("'Tis true", new[] { "'T", "is", "true" })]
    [InlineData("the students' books", new[] { "the", "students", "'", "books" })]
    [InlineData("O'Neil", new[] { "O'Neil" })]
    [InlineData("the game 's story , they 're here", new[] { "the", "game", "'s", "story", ",", "they", "'re", "here" })]
    [InlineData("'sup 'em 's", new[] { "'", "sup", "'", "em", "'s" })]
    public void Contractions_split_as_in_the_penn_treebank(string text, string[] expected) => Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("Hello, world!", new[] { "Hello", ",", "world", "!" })]
    [InlineData("Mr. Smith paid $3.50 (about 1,000 won) at 10:30...", new[] { "Mr.", "Smith", "paid", "$", "3.50", "(", "about", "1,000", "won", ")", "at", "10:30", "..." })]
    [InlineData("the U.S. and e.g. this", new[] { "the", "U.S.", "and", "e.g.", "this" })]
    [InlineData("a state-of-the-art model -- really", new[] { "a", "state-of-the-art", "model", "--", "really" })]
    [InlineData("see <url> and <unk>", new[] { "see", "<url>", "and", "<unk>" })]
    [InlineData("1 @-@ 2 @,@ 3", new[] { "1", "@-@", "2", "@,@", "3" })]
    [InlineData("\"Quoted,\" he said", new[] { "\"", "Quoted", ",", "\"", "he", "said" })]
    [InlineData("end.", new[] { "end", "." })]
    [InlineData("나는 학교에 갔다.", new[] { "나는", "학교에", "갔다", "." })]
    [InlineData("emoji 👩‍💻!", new[] { "emoji", "👩‍💻", "!" })]
    [InlineData("", new string[0])]
    [InlineData("   ", new string[0])]
    public void Punctuation_becomes_separate_tokens(string text, string[] expected) => Assert.Equal(expected, Words(text));

    [Fact]
    public void Offsets_point_at_the_token_text()
    {
        const string text = "  I can't, Mr. O'Neil!  ";
        IReadOnlyList<Token> tokens = _tokenizer.Tokenize(text);
        Assert.All(tokens, t => Assert.Equal(t.Text, text.Substring(t.Start, t.Length)));
        Assert.Equal(new Token("n't", 6, 3), tokens[2]);
    }

    [Fact]
    public void Unpaired_surrogates_and_controls_are_tokens_not_errors()
    {
        Assert.Equal(["a", "\uD800", "b", "\u0001"], Words("a\uD800b \u0001"));
    }

    [Fact]
    public void Null_is_rejected() => Assert.Throws<ArgumentNullException>(() => _tokenizer.Tokenize(null!));
}
