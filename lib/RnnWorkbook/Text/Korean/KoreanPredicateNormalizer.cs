using System.Diagnostics.CodeAnalysis;

namespace RnnWorkbook.Text.Korean;

/// <summary>
/// Rule-based recovery of the dictionary form (기본형) of Korean verbs and adjectives from common
/// inflected forms: 먹으므로, 먹고, 먹니, 먹지, 먹으며, 먹어서 → 먹다; 했다, 해요, 하고 → 하다;
/// 갔다 → 가다; 봤어요 → 보다; 마셨다 → 마시다; 됐다 → 되다.
/// </summary>
/// <remarks>
/// <para><b>How.</b> The longest ending from a fixed table is removed (다, 고, 지, 니, 지만, 는데,
/// (으)므로, (으)며, (으)면, (으)면서, (으)니까, 습니다/ㅂ니다, 는다, 서, 요, 도, ...) and checked against
/// the stem: endings with 으 need a stem ending in a consonant, their short forms a stem ending in a
/// vowel or ㄹ. A past marker 었/았/였 is removed next. Where the vowel of 어/아 merged into the stem,
/// Hangul syllable arithmetic undoes the contraction: 갔 = 가+았 (ㅆ removed), 봐 = 보+아 (ㅘ → ㅗ),
/// 줘 = 주+어 (ㅝ → ㅜ), 마셔 = 마시+어 (ㅕ → ㅣ), 돼 = 되+어 (ㅙ → ㅚ), 해 = 하+여.</para>
/// <para><b>Limits.</b> A table cannot know the lexicon, so:
/// irregular verbs are handled only through short lists (ㅡ-drop 써 → 쓰다, 아파 → 아프다; ㅂ-irregular
/// 더워 → 덥다 next to regular 배워 → 배우다; 르-irregular 몰라 → 모르다), and ㄷ-, ㅅ-, ㅎ- and ㄹ-irregular
/// stems (걸어 → 걷다, 나아 → 낫다, 파래 → 파랗다, 사니 → 살다) come out wrong;
/// ambiguous forms get one reading (켜 is kept as 켜다, not 키다; 간다 is not recognized, since ㄴ may be
/// the stem's own final as in 안다; only 한다 → 하다 is); the nominalizer 기 and the adverbial 게 are left
/// out because too many nouns end in those syllables (아기, 가게); and nothing tells a predicate from a
/// noun, so apply it to words already known to be predicates.
/// A morphological analyzer such as Mecab-ko (with the mecab-ko-dic dictionary) or Kiwi solves all of
/// these with a dictionary and a lattice over candidate analyses, and also splits compound endings
/// and honorific 시. No such analyzer is available for .NET on this course's package feed, which is why
/// the course builds the rules and measures where they stop working.</para>
/// </remarks>
public sealed class KoreanPredicateNormalizer
{
    // Jamo indices used by the rules (see Hangul.FinalJamo and Hangul.MedialJamo).
    private const int FinalRieul = 8;
    private const int FinalBieup = 17;
    private const int FinalSsangSiot = 20;
    private const int MedialA = 0;
    private const int MedialAe = 1;
    private const int MedialEo = 4;
    private const int MedialE = 5;
    private const int MedialYeo = 6;
    private const int MedialO = 8;
    private const int MedialWa = 9;
    private const int MedialWae = 10;
    private const int MedialOe = 11;
    private const int MedialU = 13;
    private const int MedialWo = 14;
    private const int MedialI = 20;

    /// <summary>
    /// Endings, each tried before any shorter ending it ends with (으며 before 며); the shape says what the
    /// stem before the ending must end with.
    /// </summary>
    private static readonly (string Ending, StemShape Shape)[] _endings =
    [
        ("으면서", StemShape.Consonant), ("으니까", StemShape.Consonant), ("으므로", StemShape.Consonant),
        ("으려고", StemShape.Consonant), ("습니다", StemShape.Consonant),
        ("면서", StemShape.VowelOrRieul), ("니까", StemShape.VowelOrRieul), ("므로", StemShape.VowelOrRieul),
        ("려고", StemShape.VowelOrRieul), ("으며", StemShape.Consonant), ("으면", StemShape.Consonant),
        ("으니", StemShape.Consonant), ("으러", StemShape.Consonant), ("는데", StemShape.Any),
        ("지만", StemShape.Any), ("지요", StemShape.Any), ("는다", StemShape.Consonant),
        ("니다", StemShape.FinalBieup), ("며", StemShape.VowelOrRieul), ("면", StemShape.VowelOrRieul),
        ("러", StemShape.VowelOrRieul), ("죠", StemShape.Any), ("고", StemShape.Any), ("지", StemShape.Any),
        ("니", StemShape.Any), ("다", StemShape.Any),
        ("서", StemShape.Infinitive), ("요", StemShape.Infinitive), ("도", StemShape.Infinitive),
    ];

    /// <summary>ㅡ-drop and other contracted infinitives whose stem the vowel rules would get wrong.</summary>
    private static readonly Dictionary<string, string> _irregularInfinitives = new(StringComparer.Ordinal)
    {
        ["써"] = "쓰", ["커"] = "크", ["꺼"] = "끄", ["떠"] = "뜨", ["터"] = "트",
        ["아파"] = "아프", ["고파"] = "고프", ["바빠"] = "바쁘", ["나빠"] = "나쁘", ["기뻐"] = "기쁘",
        ["예뻐"] = "예쁘", ["슬퍼"] = "슬프", ["따라"] = "따르", ["치러"] = "치르", ["들러"] = "들르",
        ["놀라"] = "놀라", ["켜"] = "켜", ["펴"] = "펴",
    };

    /// <summary>ㅂ-irregular stems: 더워 is 덥+어, while 배워 is the regular 배우+어.</summary>
    private static readonly HashSet<string> _bieupIrregularStems = new(StringComparer.Ordinal)
    {
        "덥", "춥", "쉽", "어렵", "고맙", "반갑", "무겁", "가볍", "아름답", "즐겁", "가깝", "귀엽", "더럽",
        "무섭", "부럽", "싱겁", "맵", "밉", "눕", "굽", "돕", "곱", "괴롭", "외롭", "새롭", "놀랍", "안타깝",
        "시끄럽", "부드럽", "어지럽", "간지럽", "뜨겁", "차갑", "두껍", "얇", "아깝",
    };

    private enum StemShape
    {
        Any,
        Consonant,
        VowelOrRieul,
        FinalBieup,
        Infinitive,
    }

    /// <summary>The dictionary form of <paramref name="word"/>, or the word unchanged when no rule applies.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="word"/> is null.</exception>
    public string Normalize(string word) => TryAnalyze(word, out KoreanPredicateAnalysis? analysis) ? analysis.Lemma : word;

    /// <summary>Takes <paramref name="word"/> apart into stem and ending; false when no rule applies.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="word"/> is null.</exception>
    public bool TryAnalyze(string word, [NotNullWhen(true)] out KoreanPredicateAnalysis? analysis)
    {
        ArgumentNullException.ThrowIfNull(word);
        analysis = null;
        if (word.Length < 2 || !word.All(Hangul.IsSyllable))
        {
            return false;
        }

        if (word.EndsWith("한다", StringComparison.Ordinal))
        {
            analysis = Build(word, word[..^2] + "하", "한 = 하 + ㄴ다");
            return true;
        }

        foreach ((string ending, StemShape shape) in _endings)
        {
            if (word.Length > ending.Length && word.EndsWith(ending, StringComparison.Ordinal)
                && TryStem(word[..^ending.Length], ending, shape, out string? stem, out string? rule))
            {
                analysis = Build(word, stem, rule);
                return true;
            }
        }

        // A bare infinitive ends the sentence in speech: 먹어, 좋아, 먹었어, 사랑해.
        if (word[^1] is '어' or '아' or '여' or '해' && TryInfinitive(word, out string? bareStem, out string? bareRule, "-어"))
        {
            analysis = Build(word, bareStem, bareRule);
            return true;
        }

        return false;
    }

    private static KoreanPredicateAnalysis Build(string word, string stem, string rule)
    {
        int shared = 0;
        while (shared < stem.Length && stem[shared] == word[shared])
        {
            shared++;
        }

        return new KoreanPredicateAnalysis(word, stem, word[shared..], stem + "다", rule);
    }

    private static bool TryStem(string rest, string ending, StemShape shape, [NotNullWhen(true)] out string? stem, [NotNullWhen(true)] out string? rule)
    {
        stem = null;
        rule = null;
        char last = rest[^1];
        HangulSyllable syllable = Hangul.Decompose(last);
        switch (shape)
        {
            case StemShape.Consonant when !syllable.HasFinal:
            case StemShape.VowelOrRieul when syllable.HasFinal && syllable.Final != FinalRieul:
                return false;
            case StemShape.FinalBieup:
                return TryBieupNida(rest, out stem, out rule);
            case StemShape.Infinitive:
                return TryInfinitive(rest, out stem, out rule, $"-어{ending}");
        }

        if (TryPast(rest, out stem, out rule))
        {
            return true;
        }

        stem = rest;
        rule = $"ending -{ending} removed";
        return true;
    }

    /// <summary>합니다 → 하 (ㅂ final removed), 먹습니다 → 먹 (습 removed).</summary>
    private static bool TryBieupNida(string rest, [NotNullWhen(true)] out string? stem, [NotNullWhen(true)] out string? rule)
    {
        stem = null;
        rule = null;
        HangulSyllable last = Hangul.Decompose(rest[^1]);
        if (last.Final != FinalBieup)
        {
            return false;
        }

        stem = rest[..^1] + Hangul.WithFinal(rest[^1], 0);
        rule = $"ㅂ니다: {rest[^1]} = {stem[^1]} + ㅂ";
        return true;
    }

    /// <summary>Removes a past marker: 먹었 → 먹, 하였 → 하, or a contracted one: 갔 → 가, 했 → 하, 봤 → 보.</summary>
    private static bool TryPast(string rest, [NotNullWhen(true)] out string? stem, [NotNullWhen(true)] out string? rule)
    {
        stem = null;
        rule = null;
        char last = rest[^1];
        if (rest.Length >= 2 && last is '었' or '았' or '였')
        {
            stem = rest[..^1];
            rule = $"past marker {last} removed";
            return true;
        }

        if (!IsPastSyllable(rest))
        {
            return false;
        }

        string infinitive = rest[..^1] + Hangul.WithFinal(last, 0);
        if (!TryInfinitive(infinitive, out stem, out string? infinitiveRule, "-었"))
        {
            return false;
        }

        rule = $"past 었/았 contracted into {last}; {infinitiveRule}";
        return true;
    }

    /// <summary>A syllable with final ㅆ whose vowel can only come from a merged 어/아: 갔, 했, 봤, 줬, 셨, 됐, 섰.</summary>
    private static bool IsPastSyllable(string rest)
    {
        HangulSyllable last = Hangul.Decompose(rest[^1]);
        return last.Final == FinalSsangSiot && last.Medial is MedialA or MedialAe or MedialEo or MedialE or MedialYeo or MedialWa or MedialWae or MedialWo;
    }

    /// <summary>
    /// Recovers the stem from an infinitive (stem + 어/아/여), written out (먹어, 좋아, 하여) or contracted
    /// into the stem's last syllable (가, 봐, 줘, 마셔, 돼, 해, 써, 몰라, 더워).
    /// </summary>
    private static bool TryInfinitive(string form, [NotNullWhen(true)] out string? stem, [NotNullWhen(true)] out string? rule, string what)
    {
        stem = null;
        rule = null;
        char last = form[^1];
        HangulSyllable syllable = Hangul.Decompose(last);
        if (syllable.HasFinal)
        {
            return false;
        }

        string before = form[..^1];
        if ((before.Length > 0 && last is '어' or '아') || (last == '여' && before.EndsWith('하')))
        {
            if (TryPast(before, out stem, out string? pastRule))
            {
                rule = $"{what}: {last} removed; {pastRule}";
                return true;
            }

            stem = before;
            rule = $"{what}: {last} removed";
            return true;
        }

        foreach ((string contracted, string irregular) in _irregularInfinitives)
        {
            if (form.EndsWith(contracted, StringComparison.Ordinal))
            {
                stem = form[..^contracted.Length] + irregular;
                rule = $"{what}: irregular {contracted} = {irregular} + 어/아";
                return true;
            }
        }

        if (before.Length > 0 && last is '라' or '러' && Hangul.Decompose(before[^1]).Final == FinalRieul)
        {
            stem = before[..^1] + Hangul.WithFinal(before[^1], 0) + "르";
            rule = $"{what}: 르-irregular {before[^1]}{last} = {stem[^2..]} + 어/아";
            return true;
        }

        if (before.Length > 0 && last is '워' or '와' && !Hangul.HasFinal(before[^1]))
        {
            string bieup = before[..^1] + Hangul.WithFinal(before[^1], FinalBieup);
            if (EndsWithBieupStem(bieup))
            {
                stem = bieup;
                rule = $"{what}: ㅂ-irregular {before[^1]}{last} = {bieup[^1]} + 어/아";
                return true;
            }
        }

        int medial = syllable.Medial switch
        {
            MedialWa => MedialO,
            MedialWo => MedialU,
            MedialWae => MedialOe,
            MedialYeo => MedialI,
            MedialAe when last == '해' => MedialA,
            _ => syllable.Medial,
        };
        stem = before + Hangul.WithMedial(last, medial);
        rule = medial == syllable.Medial
            ? $"{what}: 어/아 merged into {last}"
            : $"{what}: {last} = {stem[^1]} + {(medial == MedialA ? "여" : "어/아")}";
        return true;
    }

    private static bool EndsWithBieupStem(string candidate)
    {
        foreach (string stem in _bieupIrregularStems)
        {
            if (candidate.EndsWith(stem, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
