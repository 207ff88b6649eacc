using RnnWorkbook.Text;
using RnnWorkbook.Text.Korean;

namespace RnnWorkbook.Tests.Text;

public class KoreanParticleSplitterTests
{
    private readonly KoreanParticleSplitter _splitter = new();

    [Theory]
    [InlineData("학교에서", "학교", "에서")]
    [InlineData("책을", "책", "을")]
    [InlineData("친구를", "친구", "를")]
    [InlineData("서울로", "서울", "로")]
    [InlineData("집으로", "집", "으로")]
    [InlineData("나는", "나", "는")]
    [InlineData("사람은", "사람", "은")]
    [InlineData("우리가", "우리", "가")]
    [InlineData("선생님께서", "선생님", "께서")]
    [InlineData("학교에서는", "학교", "에서는")]
    [InlineData("생각보다", "생각", "보다")]
    [InlineData("회의에", "회의", "에")]
    [InlineData("AI가", "AI", "가")]
    public void Splits_the_longest_fitting_particle(string eojeol, string stem, string particle) =>
        Assert.Equal(new EojeolSplit(stem, particle), _splitter.Split(eojeol));

    [Theory]
    [InlineData("사과")]
    [InlineData("나이")]
    [InlineData("가을")]
    [InlineData("결과")]
    [InlineData("정도")]
    [InlineData("도로")]
    [InlineData("사랑")]
    [InlineData("함께")]
    [InlineData("하지만")]
    [InlineData("민주주의")]
    [InlineData("좋은")]
    [InlineData("는")]
    public void Sound_conditions_and_exceptions_keep_words_whole(string eojeol) =>
        Assert.Equal(new EojeolSplit(eojeol, ""), _splitter.Split(eojeol));

    [Fact]
    public void Tokenize_keeps_offsets_into_the_input()
    {
        string text = "나는 학교에서 친구를 만났다.";
        IReadOnlyList<Token> tokens = _splitter.Tokenize(text);
        Assert.Equal(["나", "는", "학교", "에서", "친구", "를", "만났다", "."], tokens.Select(t => t.Text));
        Assert.All(tokens, t => Assert.Equal(t.Text, text.Substring(t.Start, t.Length)));
        Assert.Equal(5, tokens[3].Start);
    }

    [Fact]
    public void Minimum_stem_length_and_extra_exceptions_are_honoured()
    {
        Assert.Equal(new EojeolSplit("책을", ""), new KoreanParticleSplitter(minStemLength: 2).Split("책을"));
        Assert.Equal(new EojeolSplit("학교에서", ""), new KoreanParticleSplitter(exceptions: ["교에서"]).Split("학교에서"));
    }

    [Fact]
    public void Particle_table_knows_sound_conditions()
    {
        Assert.True(KoreanParticles.IsParticle("에서"));
        Assert.False(KoreanParticles.IsParticle("학교"));
        Assert.True(KoreanParticles.TryGetCondition("를", out ParticleCondition condition));
        Assert.Equal(ParticleCondition.AfterVowel, condition);
        Assert.True(KoreanParticles.Fits(ParticleCondition.AfterVowelOrRieul, '울'));
        Assert.False(KoreanParticles.Fits(ParticleCondition.AfterConsonantExceptRieul, '울'));
        Assert.True(KoreanParticles.Fits(ParticleCondition.AfterConsonant, '1'));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => _splitter.Tokenize(null!));
        Assert.Throws<ArgumentNullException>(() => _splitter.Split(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KoreanParticleSplitter(minStemLength: 0));
        Assert.Throws<ArgumentException>(() => new KoreanParticleSplitter(exceptions: [""]));
    }
}
