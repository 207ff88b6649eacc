using System.Text;
using RnnWorkbook.Text;
using RnnWorkbook.Text.Korean;
using RnnWorkbook.Text.Lemmatization;
using RnnWorkbook.Text.Normalization;
using RnnWorkbook.Text.Stemming;

namespace RnnWorkbook.Tests.Text;

/// <summary>Control characters and one-megabyte lines have defined behaviour everywhere.</summary>
public class ReliabilityTests
{
    private static readonly Lazy<string> _megabyteLine = new(() =>
    {
        var builder = new StringBuilder(1_050_000);
        while (builder.Length < 1_000_000)
        {
            builder.Append("Mr. Kim said \"don't stop!\" at 10:30 (see https://example.com/x). 나는 학교에서 공부했다. 3.14 👍🏽 ");
        }

        return builder.ToString();
    });

    private static string MegabyteLine => _megabyteLine.Value;

    [Theory]
    [MemberData(nameof(TokenizerPropertyTests.Tokenizers), MemberType = typeof(TokenizerPropertyTests))]
    public void A_one_megabyte_line_is_tokenized_with_valid_offsets(string name)
    {
        ITokenizer tokenizer = TokenizerPropertyTests.Create(name);
        IReadOnlyList<Token> tokens = tokenizer.Tokenize(MegabyteLine);
        Assert.NotEmpty(tokens);
        Assert.All(new[] { tokens[0], tokens[tokens.Count / 2], tokens[^1] }, t => Assert.Equal(t.Text, MegabyteLine.Substring(t.Start, t.Length)));
        Assert.True(tokens[^1].End >= MegabyteLine.TrimEnd().Length);
    }

    [Theory]
    [MemberData(nameof(TokenizerPropertyTests.Tokenizers), MemberType = typeof(TokenizerPropertyTests))]
    public void A_long_run_without_spaces_is_tokenized(string name)
    {
        string run = string.Concat(Enumerable.Repeat("abc한", 50_000));
        IReadOnlyList<Token> tokens = TokenizerPropertyTests.Create(name).Tokenize(run);
        Assert.Equal(run.Length, tokens[^1].End);
        Assert.Equal(0, tokens[0].Start);
    }

    [Theory]
    [MemberData(nameof(TokenizerPropertyTests.Tokenizers), MemberType = typeof(TokenizerPropertyTests))]
    public void Control_characters_are_ordinary_input(string name)
    {
        const string text = "\u0000a\u0001b\u001B[31mred\u007F\u0085\u200B\u200Dz\uFEFF";
        IReadOnlyList<Token> tokens = TokenizerPropertyTests.Create(name).Tokenize(text);
        Assert.All(tokens, t => Assert.Equal(t.Text, text.Substring(t.Start, t.Length)));
        Assert.Contains(tokens, t => t.Text.Contains('z'));
    }

    [Fact]
    public void The_normalization_pipeline_handles_a_megabyte_line()
    {
        var normalizer = new TextNormalizer(
            new UnicodeNormalizationStep(NormalizationForm.FormKC), new UrlCleanerStep(), new EmailCleanerStep(), new PhoneCleanerStep(),
            new DateCleanerStep(), new LowercaseStep(), new PunctuationRemovalStep(replaceWithSpace: true), new WhiteSpaceCollapseStep());
        string normalized = normalizer.Normalize(MegabyteLine);
        Assert.StartsWith("mr kim said don t stop at 10 30 see <url> 나는 학교에서 공부했다 3 14 mr kim", normalized);
        Assert.DoesNotContain("  ", normalized);
    }

    [Fact]
    public void Word_level_tools_accept_odd_input()
    {
        Assert.Equal("\u0000\u0001", new PorterStemmer().Stem("\u0000\u0001"));
        Assert.Equal("", new EnglishLemmatizer().Lemmatize(""));
        Assert.Equal("\uD800다", new KoreanPredicateNormalizer().Normalize("\uD800다"));
        Assert.Equal(new EojeolSplit("", ""), new KoreanParticleSplitter().Split(""));
        string longWord = new('a', 1_000_000);
        Assert.Equal(longWord, new PorterStemmer().Stem(longWord));
    }
}
