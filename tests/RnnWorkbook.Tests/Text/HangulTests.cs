using RnnWorkbook.Text.Korean;

namespace RnnWorkbook.Tests.Text;

public class HangulTests
{
    [Fact]
    public void Decompose_uses_syllable_arithmetic()
    {
        // 한 = U+D55C = 0xAC00 + (18 × 21 + 0) × 28 + 4.
        Assert.Equal(0xAC00 + (((18 * 21) + 0) * 28) + 4, '한');
        Assert.Equal(new HangulSyllable(18, 0, 4), Hangul.Decompose('한'));
        Assert.Equal(new HangulSyllable(0, 0, 0), Hangul.Decompose('가'));
        Assert.Equal(new HangulSyllable(18, 20, 27), Hangul.Decompose('힣'));
    }

    [Fact]
    public void Every_syllable_round_trips()
    {
        for (char c = Hangul.FirstSyllable; c <= Hangul.LastSyllable; c++)
        {
            HangulSyllable parts = Hangul.Decompose(c);
            Assert.Equal(c, Hangul.Compose(parts.Initial, parts.Medial, parts.Final));
        }
    }

    [Fact]
    public void Jamo_tables_have_the_standard_sizes()
    {
        Assert.Equal(Hangul.InitialCount, Hangul.InitialJamo.Length);
        Assert.Equal(Hangul.MedialCount, Hangul.MedialJamo.Length);
        Assert.Equal(Hangul.FinalCount, Hangul.FinalJamo.Length);
        Assert.Equal(11172, Hangul.LastSyllable - Hangul.FirstSyllable + 1);
    }

    [Fact]
    public void Finals_can_be_read_and_replaced()
    {
        Assert.True(Hangul.HasFinal('먹'));
        Assert.False(Hangul.HasFinal('머'));
        Assert.False(Hangul.HasFinal('a'));
        Assert.Equal('머', Hangul.WithFinal('먹', 0));
        Assert.Equal('갔', Hangul.WithFinal('가', 20));
        Assert.Equal('거', Hangul.WithMedial('가', 4));
    }

    [Fact]
    public void ToJamo_spells_syllables_out() => Assert.Equal("ㅎㅏㄴㄱㅜㄱㅇㅓ, ok", Hangul.ToJamo("한국어, ok"));

    [Fact]
    public void Syllable_ToString_shows_its_parts() => Assert.Equal("한 = ㅎ+ㅏ+ㄴ", Hangul.Decompose('한').ToString());

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Hangul.Decompose('a'));
        Assert.Throws<ArgumentException>(() => Hangul.Decompose('ㅎ'));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hangul.Compose(19, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hangul.Compose(0, 21));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hangul.Compose(0, 0, 28));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hangul.Compose(-1, 0));
        Assert.Throws<ArgumentNullException>(() => Hangul.ToJamo(null!));
    }
}
