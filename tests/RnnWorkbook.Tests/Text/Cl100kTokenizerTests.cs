using Microsoft.ML.Tokenizers;
using RnnWorkbook.Text;
using RnnWorkbook.Text.Subword;

namespace RnnWorkbook.Tests.Text;

public class Cl100kTokenizerTests
{
    private static readonly Lazy<TiktokenTokenizer> _reference = new(() => TiktokenTokenizer.CreateForModel("gpt-4"));
    private static readonly Lazy<Cl100kTokenizer> _ours = new(() => new Cl100kTokenizer());

    private static TiktokenTokenizer Reference => _reference.Value;

    internal static Cl100kTokenizer Ours => _ours.Value;

    public static TheoryData<string> EdgeCases => new()
    {
        "", " ", "   ", "\n", "\n\n\n", "\r\n", "\r\n\r\n  ", "x\n  ", "x\n  y", "a  b", "a   \n  b", "trailing   ", "\t\tindent",
        "\u00A0nbsp \u3000ideographic\u2028line", "👍", "👍🏽 👩‍💻 🇰🇷", "emoji👍word", "12345678", "3.14159 1,000,000 2024-01-31",
        "I'm you're he'll they've she'd it's", "DON'T 'S 'Ll 'VE", "'ſ 'K rock'n'roll", "''quoted''",
        "안녕하세요 여러분! 오늘 날씨가 좋네요.", "ㅋㅋㅋㅋ ㅠㅠ", "한\u1112\u1161\u11AB", "中文和日本語", "e\u0301 café",
        "<|endoftext|>", "a<|endoftext|>b", "<|fim_prefix|>x<|fim_middle|>y<|fim_suffix|>z<|endofprompt|>", "<|endoftext", "<|unknown|>",
        "\uD800", "a\uDC00b", "\uDBFF\uDBFF", "\u0000\u0001\u007F", "!!!???...", " !\n", "    def f(x):\n        return x\n",
        new string('a', 5000), new string(' ', 300) + "x", string.Concat(Enumerable.Repeat("한국어", 2000)),
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Edge_cases_give_the_reference_ids(string text) =>
        Assert.Equal(Reference.EncodeToIds(text), Ours.Encode(text));

    [Fact]
    public void Tiny_shakespeare_gives_the_reference_ids() => AssertSameIds(Corpora.TinyShakespeare);

    [Fact]
    public void WikiText_gives_the_reference_ids() => AssertSameIds(Corpora.WikiTextValid);

    [Fact]
    public void Chatbot_questions_give_the_reference_ids() => AssertSameIds(Corpora.ChatbotQuestions);

    [Fact]
    public void Random_strings_give_the_reference_ids()
    {
        var random = new RandomText(seed: 7);
        for (int i = 0; i < 3000; i++)
        {
            string text = random.Next(maxPieces: 30, allowUnpairedSurrogates: true);
            Assert.True(Reference.EncodeToIds(text).SequenceEqual(Ours.Encode(text)), $"Case {i}: {Escape(text)}");
        }
    }

    [Fact]
    public void A_one_megabyte_line_gives_the_reference_ids()
    {
        string line = string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog; 빠른 갈색 여우가 1234 번 뛴다. ", 1_000_000 / 60));
        Assert.True(line.Length > 900_000);
        Assert.Equal(Reference.EncodeToIds(line), Ours.Encode(line));

        string oneWord = new('x', 200_000);
        Assert.Equal(oneWord, Ours.Decode(Ours.Encode(oneWord)));
        Assert.Equal(Reference.EncodeToIds(oneWord[..10_000]), Ours.Encode(oneWord[..10_000]));
    }

    [Fact]
    public void Long_pieces_merged_with_the_heap_give_the_reference_ids()
    {
        // Pieces over 128 bytes take the heap path; letters only, so each string is one piece.
        var random = new Random(5);
        const string letters = "abcdefghijklmnopqrstuvwxyz가나다라마바사아자차카타파하한국어";
        for (int i = 0; i < 200; i++)
        {
            string text = new(Enumerable.Range(0, random.Next(50, 700)).Select(_ => letters[random.Next(letters.Length)]).ToArray());
            Assert.True(Reference.EncodeToIds(text).SequenceEqual(Ours.Encode(text)), $"Case {i}: {text}");
        }
    }

    [Fact]
    public void Known_ids()
    {
        Assert.Equal([15339, 1917], Ours.Encode("hello world"));
        Assert.Equal([100257], Ours.Encode("<|endoftext|>"));
        Assert.Equal(100256 - 13, Ours.RankCount);
        Assert.Equal(2, Ours.CountTokens("hello world"));
    }

    [Fact]
    public void Ranks_read_back_through_the_public_api_leave_out_only_bytes_no_utf8_text_has()
    {
        // C0, C1 and F5–FF never occur in UTF-8; the other 100,243 ranks are recovered.
        Assert.Equal(13, Ours.UnreachableIds.Count);
        Assert.All(Ours.UnreachableIds, id => Assert.InRange(id, 0, 255));
        Assert.All(Ours.UnreachableIds, id => Assert.Equal("\uFFFD", Reference.Decode([id])));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ours.TokenBytes(Ours.UnreachableIds[0]));

        // Every recovered token decodes as the reference does, pieces of characters included: 좋 is EC A2 8B.
        for (int id = 0; id < 100256; id += 97)
        {
            if (!Ours.UnreachableIds.Contains(id))
            {
                Assert.Equal(Reference.Decode([id]), Ours.Decode([id]));
            }
        }

        int[] good = Ours.Encode("좋네요");
        Assert.Equal(Reference.EncodeToIds("좋네요"), good);
        Assert.Equal("ECA28BEB84A4EC9A94", Convert.ToHexString(Ours.DecodeToBytes(good)));
    }

    [Fact]
    public void Decode_inverts_encode_even_with_unpaired_surrogates()
    {
        var random = new RandomText(seed: 11);
        for (int i = 0; i < 2000; i++)
        {
            string text = random.Next(allowUnpairedSurrogates: true);
            Assert.Equal(text, Ours.Decode(Ours.Encode(text)));
        }

        Assert.Equal("a\uDC00b\uD800", Ours.Decode(Ours.Encode("a\uDC00b\uD800")));
        Assert.Equal([0xED, 0xA0, 0x80], Ours.DecodeToBytes(Ours.Encode("\uD800")));
        Assert.Equal("\uFFFD", Ours.Decode(Ours.Encode("\uD800")[..1]));
        Assert.Equal("hello"u8.ToArray(), Ours.TokenBytes(15339).ToArray());
    }

    [Fact]
    public void Tokens_carry_offsets_into_the_input()
    {
        const string text = "Hi <|endoftext|> 한국어!";
        IReadOnlyList<Token> tokens = Ours.Tokenize(text);
        Assert.Equal(Ours.Encode(text).Length, tokens.Count);
        Assert.All(tokens, t => Assert.Equal(t.Text, text.Substring(t.Start, t.Length)));
        Assert.Contains(new Token("<|endoftext|>", 3, 13), tokens);
        Assert.All(Enumerable.Range(0, text.Length), i => Assert.Contains(tokens, t => t.Start <= i && i < t.End));
    }

    [Fact]
    public void Rank_files_can_be_read_from_a_stream()
    {
        using var stream = new MemoryStream("YQ== 0\nYg== 1\nYWI= 2\n"u8.ToArray());
        var tiny = new Cl100kTokenizer(stream);
        Assert.Equal([2, 0], tiny.Encode("aba"));
        Assert.Equal(3, tiny.RankCount);
        Assert.Throws<InvalidDataException>(() => new Cl100kTokenizer(new MemoryStream("not base64! 0\n"u8.ToArray())));
        Assert.Throws<InvalidDataException>(() => new Cl100kTokenizer(new MemoryStream("YQ== x\n"u8.ToArray())));
        Assert.Throws<InvalidDataException>(() => new Cl100kTokenizer(new MemoryStream("YQ== 0\nYQ== 1\n"u8.ToArray())));
        Assert.Throws<InvalidDataException>(() => new Cl100kTokenizer(new MemoryStream("YQ== 2000000000\n"u8.ToArray())));

        using var lineNumbered = new MemoryStream("Capacity: 3\r\nYQ==\r\nYg==\r\nYWI=\r\n"u8.ToArray());
        Assert.Equal([2, 0], new Cl100kTokenizer(lineNumbered).Encode("aba"));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Ours.Encode(null!));
        Assert.Throws<ArgumentNullException>(() => Ours.Encode("a", null!));
        Assert.Throws<ArgumentNullException>(() => Ours.Decode(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ours.Decode([100261]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ours.Decode([-1]));
        Assert.Throws<ArgumentNullException>(() => new Cl100kTokenizer(null!));
    }

    private static void AssertSameIds(string text)
    {
        int[] expected = Reference.EncodeToIds(text).ToArray();
        int[] actual = Ours.Encode(text);
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected, actual);
        Assert.Equal(text, Ours.Decode(actual));
    }

    internal static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and < '\u007F' ? c.ToString() : $"\\u{(int)c:X4}"));
}
