using RnnWorkbook.Sequences;

namespace RnnWorkbook.Tests.Sequences;

public class KoreanSpacingTests
{
    [Fact]
    public void A_line_becomes_characters_tagged_with_the_space_after_them_and_restores_exactly()
    {
        var sentence = KoreanSpacing.FromLine("  아버지가  방에\t들어가신다 ")!;

        Assert.Equal(["아", "버", "지", "가", "방", "에", "들", "어", "가", "신", "다"], sentence.Tokens);
        Assert.Equal("00010100000", string.Concat(sentence.Tags));
        Assert.Equal("아버지가 방에 들어가신다", KoreanSpacing.Restore(sentence.Tokens, sentence.Tags));
    }

    [Fact]
    public void An_emoji_outside_the_bmp_is_one_character_and_a_blank_line_is_none()
    {
        var sentence = KoreanSpacing.FromLine("좋아요 👍")!;

        Assert.Equal(["좋", "아", "요", "👍"], sentence.Tokens);
        Assert.Null(KoreanSpacing.FromLine(" \t "));
        Assert.Null(KoreanSpacing.FromLine(""));
    }

    [Fact]
    public void Scores_count_spaces_between_characters_and_whole_lines()
    {
        var gold = new[] { KoreanSpacing.FromLine("가 나 다")!, KoreanSpacing.FromLine("라마")! };
        // line 1: spaces after 가 and 나; predicted only after 가 and (wrongly) nothing else; line 2 right.
        IReadOnlyList<string>[] predicted = [["1", "0", "0"], ["0", "0"]];

        var scores = KoreanSpacing.Score(gold, predicted);

        Assert.Equal((2L, 1L, 1L, 2, 1), (scores.GoldSpaces, scores.PredictedSpaces, scores.CorrectSpaces, scores.Lines, scores.CorrectLines));
        Assert.Equal(1.0, scores.Precision);
        Assert.Equal(0.5, scores.Recall);
        Assert.Equal(2.0 / 3, scores.F1, 12);
        Assert.Equal(0.5, scores.LineAccuracy);
    }

    [Fact]
    public void The_split_drops_blank_and_repeated_lines_and_is_the_same_for_the_same_seed()
    {
        string[] lines = ["하나 둘", "", "셋 넷", "하나 둘", "  ", "다섯", "여섯 일곱", "여덟", "아홉 열", "열하나", "열둘 열셋"];

        var split = KoreanSpacing.Split(lines, 7, 0.1, 0.1, null, out var dropped);
        var again = KoreanSpacing.Split(lines, 7, 0.1, 0.1, null, out _);

        Assert.Equal((2, 1), dropped);
        Assert.Equal((1, 1, 6), (split.Test.Count, split.Validation.Count, split.Train.Count));
        var all = split.Train.Concat(split.Validation).Concat(split.Test).Select(s => KoreanSpacing.Restore(s.Tokens, s.Tags)).ToArray();
        Assert.Equal(8, all.Distinct().Count());
        Assert.Equal(split.Test[0].Tokens, again.Test[0].Tokens);
        Assert.Throws<ArgumentOutOfRangeException>(() => KoreanSpacing.Split(lines, 7, 0.6, 0.5, null, out _));
    }

    [Fact]
    public void The_bigram_baseline_takes_the_majority_of_a_pair_then_of_the_character()
    {
        var train = new[] { "가나 다", "가나 라", "가 나다", "나 다", "마 바" }.Select(l => KoreanSpacing.FromLine(l)!);
        var baseline = BigramSpacingBaseline.Fit(train);

        // 가나: no space 2 of 3 times; 나다: space 2 of 3; 마 then unseen 사: 마 had a space 1 of 1; 차 unseen: none.
        Assert.Equal(["0", "1", "0"], baseline.Tag(["가", "나", "다"]));
        Assert.Equal(["1", "0"], baseline.Tag(["마", "사"]));
        Assert.Equal(["0", "0"], baseline.Tag(["차", "카"]));
        Assert.Empty(baseline.Tag([]));
    }
}
