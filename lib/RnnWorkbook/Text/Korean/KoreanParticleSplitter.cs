using RnnWorkbook.Text.Tokenizers;

namespace RnnWorkbook.Text.Korean;

/// <summary>
/// Splits Korean eojeol into stem and particle: "학교에서" → "학교" "에서", "책을" → "책" "을",
/// "서울로" → "서울" "로". Other tokens (English words, numbers, punctuation) come from
/// <see cref="WordTokenizer"/> unchanged. Offsets point into the input.
/// </summary>
/// <remarks>
/// <para>For each word the longest particle from <see cref="KoreanParticles"/> is split off when three
/// checks pass: the stem keeps at least <c>minStemLength</c> characters; the particle's sound condition
/// fits the stem's last syllable (이/은/을/과 need a final consonant, 가/는/를/와 a vowel, 로 a vowel or
/// ㄹ), which by itself keeps 사과, 나이, 마을 and 가을 whole; and the word does not end in an exception
/// that contains the particle (결과, 정도, 회의, 도로, 사랑, 함께, the verb ending 지만, common
/// adnominal forms such as 좋은 and 하는, ...).</para>
/// <para>What rules cannot do: tell a particle from a verb ending in general (먹은, 가는, 먹을 are
/// verbs, only frequent ones are listed), or split compound words and verb endings at all.
/// A morphological analyzer (Mecab-ko with mecab-ko-dic, or Kiwi) tags every morpheme against a
/// dictionary and picks the best path through a lattice of candidates, so it gets 먹은 = 먹 + 은(ETM)
/// right and also finds stems inside verbs. None is available for .NET on this course's package feed.</para>
/// </remarks>
public sealed class KoreanParticleSplitter : ITokenizer
{
    private static readonly string[] _defaultExceptions =
    [
        "정도", "온도", "속도", "태도", "제도", "지도", "포도", "의도", "인도", "각도", "강도", "고도", "농도",
        "빈도", "한도", "용도", "시도", "보도", "기도", "편도", "신도", "진도", "밀도", "습도", "수도", "적도",
        "회의", "주의", "의의", "정의", "논의", "합의", "동의", "건의", "결의", "강의", "협의", "토의", "질의",
        "모의", "문의", "호의", "예의", "편의", "거의",
        "도로", "경로", "진로", "통로", "미로", "항로", "과로", "선로", "피로", "회로", "수로", "원로", "공로",
        "결과", "효과", "학과", "성과", "통과", "경과", "초과", "인과", "전과", "일과",
        "불만", "미만", "비만", "오만", "자만", "그만", "거만", "충만", "풍만", "천만", "백만", "십만", "야만",
        "교만", "기만", "낭만",
        "놀이", "길이", "높이", "깊이", "넓이", "먹이", "같이", "많이", "없이", "굳이",
        "좋은", "많은", "작은", "같은", "높은", "깊은", "싫은", "넓은", "낮은", "짧은", "괜찮은", "받은",
        "먹은", "젊은", "늙은", "맑은", "밝은", "검은", "얇은", "굵은", "옳은", "적은", "늦은",
        "하는", "되는", "가는", "오는", "보는", "주는", "사는", "아는", "자는", "서는", "지는", "치는", "타는",
        "내는", "두는", "쓰는", "크는", "우는", "파는", "노는", "드는",
        "휴가", "주가", "대가", "요가", "시가",
        "사랑", "자랑", "노랑", "파랑", "하나", "누나", "그러나", "함께",
        "지만", "어도", "아도", "해도",
    ];

    private readonly WordTokenizer _words = new();
    private readonly HashSet<string> _exceptions;
    private readonly int _maxExceptionLength;

    /// <summary>Creates a splitter.</summary>
    /// <param name="minStemLength">The fewest characters the stem may keep (1 by default: "책을" → "책" "을").</param>
    /// <param name="exceptions">Words to keep whole in addition to the built-in list.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minStemLength"/> is less than 1.</exception>
    public KoreanParticleSplitter(int minStemLength = 1, IEnumerable<string>? exceptions = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minStemLength, 1);
        MinStemLength = minStemLength;
        _exceptions = new HashSet<string>(_defaultExceptions, StringComparer.Ordinal);
        foreach (string word in exceptions ?? [])
        {
            ArgumentException.ThrowIfNullOrEmpty(word, nameof(exceptions));
            _exceptions.Add(word);
        }

        _maxExceptionLength = _exceptions.Max(w => w.Length);
    }

    /// <summary>The built-in words that look like stem + particle but are not.</summary>
    public static IReadOnlyList<string> DefaultExceptions { get; } = _defaultExceptions.AsReadOnly();

    /// <summary>The fewest characters a stem may keep.</summary>
    public int MinStemLength { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        IReadOnlyList<Token> words = _words.Tokenize(text);
        var tokens = new List<Token>(words.Count + (words.Count / 2));
        foreach (Token word in words)
        {
            int particleLength = ParticleLength(word.Text);
            if (particleLength == 0)
            {
                tokens.Add(word);
                continue;
            }

            int stemLength = word.Length - particleLength;
            tokens.Add(Token.Slice(text, word.Start, stemLength));
            tokens.Add(Token.Slice(text, word.Start + stemLength, particleLength));
        }

        return tokens;
    }

    /// <summary>Splits one eojeol: "학교에서" → ("학교", "에서"); "사과" → ("사과", "").</summary>
    /// <exception cref="ArgumentNullException"><paramref name="eojeol"/> is null.</exception>
    public EojeolSplit Split(string eojeol)
    {
        ArgumentNullException.ThrowIfNull(eojeol);
        int particleLength = ParticleLength(eojeol);
        return new EojeolSplit(eojeol[..^particleLength], eojeol[^particleLength..]);
    }

    /// <summary>Length of the particle to split off the end of <paramref name="word"/>, or 0.</summary>
    private int ParticleLength(string word)
    {
        int longest = Math.Min(KoreanParticles.MaxLength, word.Length - MinStemLength);
        for (int length = longest; length >= 1; length--)
        {
            ReadOnlySpan<char> particle = word.AsSpan(word.Length - length);
            if (KoreanParticles.TryGetCondition(particle, out ParticleCondition condition)
                && KoreanParticles.Fits(condition, word[^(length + 1)])
                && !IsException(word, length))
            {
                return length;
            }
        }

        return 0;
    }

    /// <summary>True when <paramref name="word"/> ends in an exception longer than the candidate particle.</summary>
    private bool IsException(string word, int particleLength)
    {
        var lookup = _exceptions.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int length = particleLength + 1; length <= Math.Min(word.Length, _maxExceptionLength); length++)
        {
            if (lookup.Contains(word.AsSpan(word.Length - length)))
            {
                return true;
            }
        }

        return false;
    }
}
