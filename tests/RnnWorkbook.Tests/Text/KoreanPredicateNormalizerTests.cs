using RnnWorkbook.Text.Korean;

namespace RnnWorkbook.Tests.Text;

public class KoreanPredicateNormalizerTests
{
    private readonly KoreanPredicateNormalizer _normalizer = new();

    [Theory]
    [InlineData("먹으므로")]
    [InlineData("먹고")]
    [InlineData("먹니")]
    [InlineData("먹지")]
    [InlineData("먹으며")]
    [InlineData("먹어서")]
    [InlineData("먹었다")]
    [InlineData("먹는다")]
    [InlineData("먹습니다")]
    [InlineData("먹었습니다")]
    [InlineData("먹어요")]
    [InlineData("먹었어요")]
    [InlineData("먹으면")]
    [InlineData("먹으니까")]
    [InlineData("먹지만")]
    [InlineData("먹는데")]
    [InlineData("먹었으므로")]
    [InlineData("먹어")]
    [InlineData("먹다")]
    public void Endings_after_a_consonant_stem_are_removed(string word) => Assert.Equal("먹다", _normalizer.Normalize(word));

    [Theory]
    [InlineData("했다", "하다")]
    [InlineData("해요", "하다")]
    [InlineData("하고", "하다")]
    [InlineData("합니다", "하다")]
    [InlineData("했습니다", "하다")]
    [InlineData("하여", "하다")]
    [InlineData("공부한다", "공부하다")]
    [InlineData("사랑해", "사랑하다")]
    [InlineData("했어", "하다")]
    public void Ha_verbs_recover_hada(string word, string lemma) => Assert.Equal(lemma, _normalizer.Normalize(word));

    [Theory]
    [InlineData("갔다", "가다")]
    [InlineData("가서", "가다")]
    [InlineData("가요", "가다")]
    [InlineData("갑니다", "가다")]
    [InlineData("가며", "가다")]
    [InlineData("가니까", "가다")]
    [InlineData("봤다", "보다")]
    [InlineData("봐서", "보다")]
    [InlineData("왔어요", "오다")]
    [InlineData("줬다", "주다")]
    [InlineData("마셨다", "마시다")]
    [InlineData("기다려요", "기다리다")]
    [InlineData("됐다", "되다")]
    [InlineData("돼서", "되다")]
    [InlineData("보냈다", "보내다")]
    [InlineData("섰다", "서다")]
    [InlineData("배워서", "배우다")]
    public void Vowel_contractions_are_undone_with_syllable_arithmetic(string word, string lemma) =>
        Assert.Equal(lemma, _normalizer.Normalize(word));

    [Theory]
    [InlineData("썼다", "쓰다")]
    [InlineData("아파요", "아프다")]
    [InlineData("예뻐서", "예쁘다")]
    [InlineData("몰라요", "모르다")]
    [InlineData("불러서", "부르다")]
    [InlineData("더워요", "덥다")]
    [InlineData("고마워요", "고맙다")]
    [InlineData("놀라서", "놀라다")]
    [InlineData("켰다", "켜다")]
    public void Listed_irregular_stems_are_recovered(string word, string lemma) =>
        Assert.Equal(lemma, _normalizer.Normalize(word));

    [Theory]
    [InlineData("좋아요", "좋다")]
    [InlineData("있었다", "있다")]
    [InlineData("있다", "있다")]
    [InlineData("없어서", "없다")]
    [InlineData("알면", "알다")]
    [InlineData("입니다", "이다")]
    public void Other_common_predicates(string word, string lemma) => Assert.Equal(lemma, _normalizer.Normalize(word));

    [Theory]
    [InlineData("학교")]
    [InlineData("사람")]
    [InlineData("먹며")]
    [InlineData("hello")]
    [InlineData("다")]
    [InlineData("")]
    [InlineData("먹다!")]
    public void Words_no_rule_fits_are_returned_unchanged(string word)
    {
        Assert.Equal(word, _normalizer.Normalize(word));
        Assert.False(_normalizer.TryAnalyze(word, out _));
    }

    [Fact]
    public void Analysis_explains_the_contraction()
    {
        Assert.True(_normalizer.TryAnalyze("갔다", out KoreanPredicateAnalysis? analysis));
        Assert.Equal("가", analysis.Stem);
        Assert.Equal("가다", analysis.Lemma);
        Assert.Equal("갔다", analysis.Ending);
        Assert.Contains("갔", analysis.Rule);

        Assert.True(_normalizer.TryAnalyze("먹었다", out analysis));
        Assert.Equal("먹", analysis.Stem);
        Assert.Equal("었다", analysis.Ending);
    }

    [Fact]
    public void Null_is_rejected() => Assert.Throws<ArgumentNullException>(() => _normalizer.Normalize(null!));
}
