namespace RnnWorkbook.Text.Korean;

/// <summary>How <see cref="KoreanPredicateNormalizer"/> took a predicate apart.</summary>
/// <param name="Word">The inflected word, e.g. "먹었다" or "갔다".</param>
/// <param name="Stem">The recovered stem (어간), e.g. "먹" or "가".</param>
/// <param name="Ending">The surface ending (어미 with any tense marker) after the part the word shares with
/// the stem: "었다" in 먹었다; where the ending merged into the stem's last syllable that syllable is
/// included: "갔다".</param>
/// <param name="Lemma">The dictionary form, stem + 다, e.g. "먹다" or "가다".</param>
/// <param name="Rule">The rule that recovered the stem, in words, e.g. "past 었/았 contracted into 갔; ...".</param>
public sealed record KoreanPredicateAnalysis(string Word, string Stem, string Ending, string Lemma, string Rule);
