using RnnWorkbook.Text;
using RnnWorkbook.Text.Korean;
using RnnWorkbook.Text.Subword;
using RnnWorkbook.Text.Tokenizers;

namespace RnnWorkbook.Tests.Text;

/// <summary>Seeded random-input properties that every tokenizer must keep.</summary>
public class TokenizerPropertyTests
{
    private static readonly string[] _names =
    [
        "whitespace", "regex", "regex-gaps", "word", "sentence", "character", "korean-particles", "bpe-byte-level", "bpe-sentence-piece", "cl100k",
    ];

    public static TheoryData<string> Tokenizers => new(_names);

    internal static ITokenizer Create(string name) => name switch
    {
        "whitespace" => new WhitespaceTokenizer(),
        "regex" => new RegexTokenizer(@"\w+|[^\w\s]+"),
        "regex-gaps" => new RegexTokenizer(@"\s+", gaps: true),
        "word" => new WordTokenizer(),
        "sentence" => new SentenceSplitter(),
        "character" => new CharacterTokenizer(),
        "korean-particles" => new KoreanParticleSplitter(),
        "bpe-byte-level" => BpeModelTests.ByteLevel,
        "bpe-sentence-piece" => BpeModelTests.SentencePiece,
        "cl100k" => Cl100kTokenizerTests.Ours,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>The BPE models define encoding on whole code points and reject unpaired surrogates.</summary>
    internal static bool AcceptsUnpairedSurrogates(string name) => name is not ("bpe-byte-level" or "bpe-sentence-piece");

    [Theory]
    [MemberData(nameof(Tokenizers))]
    public void Offsets_always_point_at_the_token_text_and_cover_the_input(string name)
    {
        ITokenizer tokenizer = Create(name);
        var random = new RandomText(seed: 1000 + Array.IndexOf(_names, name));
        for (int i = 0; i < 2000; i++)
        {
            string text = random.Next(allowUnpairedSurrogates: AcceptsUnpairedSurrogates(name));
            IReadOnlyList<Token> tokens = tokenizer.Tokenize(text);
            var covered = new bool[text.Length];
            int previousStart = 0;
            foreach (Token token in tokens)
            {
                Assert.InRange(token.Start, previousStart, text.Length);
                Assert.InRange(token.Length, 0, text.Length - token.Start);
                Assert.Equal(token.Text, text.Substring(token.Start, token.Length));
                Array.Fill(covered, true, token.Start, token.Length);
                previousStart = token.Start;
            }

            for (int c = 0; c < text.Length; c++)
            {
                Assert.True(covered[c] || char.IsWhiteSpace(text[c]), $"{name}, case {i}: character {c} of {Cl100kTokenizerTests.Escape(text)} is in no token");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Tokenizers))]
    public void Unpaired_surrogates_are_tokens_or_clear_argument_errors(string name)
    {
        ITokenizer tokenizer = Create(name);
        const string text = "ab \uD800 cd\uDC00";
        if (AcceptsUnpairedSurrogates(name))
        {
            Assert.All(tokenizer.Tokenize(text), t => Assert.Equal(t.Text, text.Substring(t.Start, t.Length)));
        }
        else
        {
            ArgumentException error = Assert.Throws<ArgumentException>(() => tokenizer.Tokenize(text));
            Assert.Equal("text", error.ParamName);
        }
    }

    [Theory]
    [MemberData(nameof(Tokenizers))]
    public void Null_is_rejected_and_empty_gives_no_tokens(string name)
    {
        ITokenizer tokenizer = Create(name);
        Assert.Throws<ArgumentNullException>(() => tokenizer.Tokenize(null!));
        Assert.Empty(tokenizer.Tokenize(""));
    }

    [Fact]
    public void Byte_level_bpe_round_trips_thousands_of_random_strings()
    {
        BpeModel model = BpeModelTests.ByteLevel;
        var random = new RandomText(seed: 2024);
        for (int i = 0; i < 5000; i++)
        {
            string text = random.Next(maxPieces: 40);
            Assert.True(text == model.Decode(model.Encode(text)), $"Case {i}: {Cl100kTokenizerTests.Escape(text)}");
        }
    }
}
