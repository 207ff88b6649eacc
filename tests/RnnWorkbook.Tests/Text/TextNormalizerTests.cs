using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RnnWorkbook.Text.Normalization;

namespace RnnWorkbook.Tests.Text;

public class TextNormalizerTests
{
    [Fact]
    public void Steps_run_in_order_and_explain_shows_each_one()
    {
        var normalizer = new TextNormalizer(
            new UrlCleanerStep(), new LowercaseStep(), new PunctuationRemovalStep(replaceWithSpace: true), new WhiteSpaceCollapseStep());
        const string text = "Visit https://Example.com/a?b=1 NOW!!  Thanks.";

        Assert.Equal("visit <url> now thanks", normalizer.Normalize(text));

        IReadOnlyList<NormalizationTrace> trace = normalizer.Explain(text);
        Assert.Equal(4, trace.Count);
        Assert.Equal("Visit <url> NOW!!  Thanks.", trace[0].After);
        Assert.Equal("visit <url> now!!  thanks.", trace[1].After);
        Assert.Equal("visit <url> now   thanks ", trace[2].After);
        Assert.Equal("visit <url> now thanks", trace[3].After);
        Assert.All(trace.Skip(1).Zip(trace), pair => Assert.Equal(pair.Second.After, pair.First.Before));
        Assert.All(trace, step => Assert.True(step.Changed));
        Assert.Equal("urls → <url>", trace[0].Step);
    }

    [Fact]
    public void An_empty_pipeline_returns_the_text() => Assert.Equal("As Is", new TextNormalizer().Normalize("As Is"));

    [Fact]
    public void Lowercase_is_culture_invariant()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Assert.Equal("istanbul 한국어", new LowercaseStep().Apply("ISTANBUL 한국어"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("Hello, world! 안녕하세요?", false, "Hello world 안녕하세요")]
    [InlineData("Hello, world! 안녕하세요?", true, "Hello  world  안녕하세요 ")]
    [InlineData("price: $5.99 (50%)", false, "price 599 50")]
    [InlineData("emoji 👍🏽 and ★", false, "emoji  and ")]
    [InlineData("café ﬁ ①", false, "café ﬁ ①")]
    [InlineData("tab\tand\nnew line", false, "tab\tand\nnew line")]
    [InlineData("keep <url> and <email>", false, "keep <url> and <email>")]
    [InlineData("ㅋㅋㅋ ㅠㅠ", false, "ㅋㅋㅋ ㅠㅠ")]
    public void Punctuation_is_removed_by_category(string text, bool replaceWithSpace, string expected) =>
        Assert.Equal(expected, new PunctuationRemovalStep(replaceWithSpace).Apply(text));

    [Fact]
    public void Punctuation_removal_handles_controls_surrogates_and_kept_characters()
    {
        Assert.Equal("ab", new PunctuationRemovalStep().Apply("a\u0001\u200Bb\uD800"));
        Assert.Equal("don't re-use", new PunctuationRemovalStep(keep: "'-").Apply("don't re-use!"));
        Assert.Equal("url", new PunctuationRemovalStep(preservePlaceholders: false).Apply("<url>"));
        Assert.Equal("𝐀𝐁", new PunctuationRemovalStep().Apply("𝐀.𝐁"));
    }

    [Theory]
    [InlineData("  a \t b\n\nc  ", false, "a b c")]
    [InlineData("  a \t b\n\nc  ", true, "a b\nc")]
    [InlineData("\u3000a\u00A0b ", false, "a b")]
    [InlineData("   ", false, "")]
    public void White_space_collapses(string text, bool keepLineBreaks, string expected) =>
        Assert.Equal(expected, new WhiteSpaceCollapseStep(keepLineBreaks).Apply(text));

    [Theory]
    [InlineData("see https://example.com/path?q=1.", "see <url>.")]
    [InlineData("(http://x.org/a)", "(<url>)")]
    [InlineData("go to www.naver.com에서 검색", "go to <url>에서 검색")]
    [InlineData("HTTPS://A.B", "<url>")]
    [InlineData("example.com stays", "example.com stays")]
    public void Urls_are_replaced(string text, string expected) => Assert.Equal(expected, new UrlCleanerStep().Apply(text));

    [Theory]
    [InlineData("mail me: john.doe+tag@mail.example.co.kr!", "mail me: <email>!")]
    [InlineData("메일은abc@test.com으로", "메일은<email>으로")]
    [InlineData("not an email: a@b", "not an email: a@b")]
    public void Emails_are_replaced(string text, string expected) => Assert.Equal(expected, new EmailCleanerStep().Apply(text));

    [Theory]
    [InlineData("due 2024-01-31.", "due <date>.")]
    [InlineData("at 2024-01-31T09:30:00 sharp", "at <date> sharp")]
    [InlineData("2024.01.31 마감", "<date> 마감")]
    [InlineData("2024. 1. 31. 마감", "<date> 마감")]
    [InlineData("2024/1/31", "<date>")]
    [InlineData("2024년 1월 31일에", "<date>에")]
    [InlineData("1월 31일", "<date>")]
    [InlineData("01/31/2024", "<date>")]
    [InlineData("31.01.2024", "<date>")]
    [InlineData("January 31, 2024", "<date>")]
    [InlineData("on 31st Jan 2024", "on <date>")]
    [InlineData("2024-13-01 and 120240131", "2024-13-01 and 120240131")]
    public void Dates_are_replaced(string text, string expected) => Assert.Equal(expected, new DateCleanerStep().Apply(text));

    [Theory]
    [InlineData("call 010-1234-5678 now", "call <phone> now")]
    [InlineData("01012345678", "<phone>")]
    [InlineData("02-123-4567", "<phone>")]
    [InlineData("031-1234-5678", "<phone>")]
    [InlineData("1588-1234", "<phone>")]
    [InlineData("+82 10-1234-5678", "<phone>")]
    [InlineData("+1 (555) 123-4567", "<phone>")]
    [InlineData("+44 20 7946 0958", "<phone>")]
    [InlineData("(555) 123-4567", "<phone>")]
    [InlineData("2024-01-31", "2024-01-31")]
    [InlineData("id 9010-1234-56789", "id 9010-1234-56789")]
    public void Phone_numbers_are_replaced(string text, string expected) => Assert.Equal(expected, new PhoneCleanerStep().Apply(text));

    [Fact]
    public void Null_placeholder_removes_and_placeholders_are_literal()
    {
        Assert.Equal("call  now", new PhoneCleanerStep(null).Apply("call 010-1234-5678 now"));
        Assert.Equal("remove urls", new UrlCleanerStep(null).Name);
        Assert.Equal("x $1 y", new RegexReplaceStep("digits", new Regex(@"\d+"), "$1").Apply("x 42 y"));
    }

    [Fact]
    public void Unicode_forms_compose_decompose_and_fold()
    {
        Assert.Equal(1, new UnicodeNormalizationStep(NormalizationForm.FormC).Apply("한").Length);
        Assert.Equal("\u1112\u1161\u11AB", new UnicodeNormalizationStep(NormalizationForm.FormD).Apply("한"));
        Assert.Equal("한", new UnicodeNormalizationStep(NormalizationForm.FormC).Apply("\u1112\u1161\u11AB"));
        Assert.Equal("ABC123", new UnicodeNormalizationStep(NormalizationForm.FormKC).Apply("ＡＢＣ１２３"));
        Assert.Equal("ＡＢＣ１２３", new UnicodeNormalizationStep(NormalizationForm.FormC).Apply("ＡＢＣ１２３"));
        Assert.Equal("fi1", new UnicodeNormalizationStep(NormalizationForm.FormKD).Apply("ﬁ①"));
        Assert.Equal("NFKC", new UnicodeNormalizationStep().Name);
    }

    [Fact]
    public void Unicode_normalization_rejects_unpaired_surrogates_clearly()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new UnicodeNormalizationStep().Apply("ab\uDC00"));
        Assert.Equal("text", error.ParamName);
        Assert.Contains("index 2", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new UnicodeNormalizationStep((NormalizationForm)3));
    }

    [Fact]
    public void Inspector_shows_syllables_jamo_and_full_width_forms()
    {
        IReadOnlyList<NormalizationView> views = UnicodeInspector.CompareForms("한Ａ");
        Assert.Equal(["NFC", "NFD", "NFKC", "NFKD"], views.Select(v => UnicodeInspector.ShortName(v.Form)));
        Assert.Equal([2, 4, 2, 4], views.Select(v => v.Utf16Length));
        Assert.Equal(["U+1112", "U+1161", "U+11AB", "U+FF21"], views[1].CodePoints);
        Assert.Equal("한A", views[2].Text);

        IReadOnlyList<CodePointInfo> described = UnicodeInspector.Describe("한\u1112\u1161\u11ABＡ👍\uD800");
        Assert.Equal("Hangul syllable ㅎ+ㅏ+ㄴ", described[0].Description);
        Assert.Equal("conjoining jamo, initial ㅎ", described[1].Description);
        Assert.Equal("conjoining jamo, vowel ㅏ", described[2].Description);
        Assert.Equal("conjoining jamo, final ㄴ", described[3].Description);
        Assert.Equal("full-width form of 'A'", described[4].Description);
        Assert.Equal(0x1F44D, described[5].Value);
        Assert.Equal("unpaired surrogate", described[6].Description);
        Assert.Equal("U+D55C", described[0].Notation);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new TextNormalizer((ITextNormalizationStep[])null!));
        Assert.Throws<ArgumentNullException>(() => new TextNormalizer(new LowercaseStep(), null!));
        Assert.Throws<ArgumentNullException>(() => new TextNormalizer().Normalize(null!));
        Assert.Throws<ArgumentNullException>(() => new TextNormalizer().Explain(null!));
        Assert.Throws<ArgumentNullException>(() => new LowercaseStep().Apply(null!));
        Assert.Throws<ArgumentNullException>(() => new PunctuationRemovalStep(keep: null!));
        Assert.Throws<ArgumentException>(() => new RegexReplaceStep("", new Regex("a"), ""));
        Assert.Throws<ArgumentNullException>(() => new DateCleanerStep().Apply(null!));
    }
}
