using System.Text.RegularExpressions;
using RnnWorkbook.Text.Subword;

namespace RnnWorkbook.Tests.Text;

public class Cl100kPreTokenizerTests
{
    private static readonly Regex _pattern = new(Cl100kPreTokenizer.Pattern, RegexOptions.None);

    private static List<string> Scan(string text)
    {
        var pieces = new List<string>();
        for (int i = 0; i < text.Length;)
        {
            int end = Cl100kPreTokenizer.NextPieceEnd(text, i);
            Assert.True(end > i, $"No progress at {i} in {Cl100kTokenizerTests.Escape(text)}");
            pieces.Add(text[i..end]);
            i = end;
        }

        return pieces;
    }

    private static List<string> Reference(string text) => _pattern.Matches(text).Select(m => m.Value).ToList();

    [Theory]
    [InlineData("Hello world", new[] { "Hello", " world" })]
    [InlineData("I'm here", new[] { "I", "'m", " here" })]
    [InlineData("1234567", new[] { "123", "456", "7" })]
    [InlineData("x\n\n  y", new[] { "x", "\n\n", " ", " y" })]
    [InlineData("a  \n", new[] { "a", "  \n" })]
    [InlineData("end   ", new[] { "end", "   " })]
    [InlineData("  ...!?\n\nok", new[] { " ", " ...!?\n\n", "ok" })]
    [InlineData("안녕, 세상", new[] { "안녕", ",", " 세상" })]
    public void Cuts_like_the_cl100k_pattern(string text, string[] expected)
    {
        Assert.Equal(expected, Scan(text));
        Assert.Equal(expected, Reference(text));
    }

    [Fact]
    public void Every_character_is_classified_as_the_regex_does()
    {
        // Each character alone, after a letter, before a letter and between spaces exercises every alternative.
        for (int c = 0; c < 0x10000; c++)
        {
            string ch = ((char)c).ToString();
            foreach (string text in new[] { ch, "a" + ch, ch + "a", " " + ch + " ", "1" + ch + "1", "'" + ch })
            {
                List<string> expected = Reference(text);
                List<string> actual = Scan(text);
                if (!expected.SequenceEqual(actual))
                {
                    Assert.Fail($"U+{c:X4} in {Cl100kTokenizerTests.Escape(text)}: expected [{string.Join("|", expected.Select(Cl100kTokenizerTests.Escape))}], got [{string.Join("|", actual.Select(Cl100kTokenizerTests.Escape))}]");
                }
            }
        }
    }

    [Fact]
    public void Random_strings_are_cut_as_the_regex_cuts()
    {
        var random = new RandomText(seed: 3);
        for (int i = 0; i < 5000; i++)
        {
            string text = random.Next(maxPieces: 30, allowUnpairedSurrogates: true);
            List<string> expected = Reference(text);
            Assert.Equal(text, string.Concat(expected));
            Assert.True(expected.SequenceEqual(Scan(text)), $"Case {i}: {Cl100kTokenizerTests.Escape(text)}");
        }
    }
}
