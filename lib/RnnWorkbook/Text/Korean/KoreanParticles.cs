namespace RnnWorkbook.Text.Korean;

/// <summary>
/// Korean particles (조사) with the sound condition each one places on the word before it, used to
/// split eojeol and as a stopword list. Includes the common stacked forms (에서는, 으로도, 까지만, ...).
/// </summary>
public static class KoreanParticles
{
    private static readonly (string Particle, ParticleCondition Condition)[] _particles =
    [
        ("이", ParticleCondition.AfterConsonant), ("가", ParticleCondition.AfterVowel),
        ("은", ParticleCondition.AfterConsonant), ("는", ParticleCondition.AfterVowel),
        ("을", ParticleCondition.AfterConsonant), ("를", ParticleCondition.AfterVowel),
        ("과", ParticleCondition.AfterConsonant), ("와", ParticleCondition.AfterVowel),
        ("이나", ParticleCondition.AfterConsonant), ("나", ParticleCondition.AfterVowel),
        ("이랑", ParticleCondition.AfterConsonant), ("랑", ParticleCondition.AfterVowel),
        ("으로", ParticleCondition.AfterConsonantExceptRieul), ("로", ParticleCondition.AfterVowelOrRieul),
        ("으로서", ParticleCondition.AfterConsonantExceptRieul), ("로서", ParticleCondition.AfterVowelOrRieul),
        ("으로써", ParticleCondition.AfterConsonantExceptRieul), ("로써", ParticleCondition.AfterVowelOrRieul),
        ("으로는", ParticleCondition.AfterConsonantExceptRieul), ("로는", ParticleCondition.AfterVowelOrRieul),
        ("으로도", ParticleCondition.AfterConsonantExceptRieul), ("로도", ParticleCondition.AfterVowelOrRieul),
        ("으로만", ParticleCondition.AfterConsonantExceptRieul), ("로만", ParticleCondition.AfterVowelOrRieul),
        ("과는", ParticleCondition.AfterConsonant), ("와는", ParticleCondition.AfterVowel),
        ("과도", ParticleCondition.AfterConsonant), ("와도", ParticleCondition.AfterVowel),
        ("의", ParticleCondition.Any), ("에", ParticleCondition.Any), ("에서", ParticleCondition.Any),
        ("에게", ParticleCondition.Any), ("에게서", ParticleCondition.Any), ("한테", ParticleCondition.Any),
        ("한테서", ParticleCondition.Any), ("께", ParticleCondition.Any), ("께서", ParticleCondition.Any),
        ("도", ParticleCondition.Any), ("만", ParticleCondition.Any), ("까지", ParticleCondition.Any),
        ("부터", ParticleCondition.Any), ("처럼", ParticleCondition.Any), ("보다", ParticleCondition.Any),
        ("마다", ParticleCondition.Any), ("조차", ParticleCondition.Any), ("마저", ParticleCondition.Any),
        ("밖에", ParticleCondition.Any), ("만큼", ParticleCondition.Any), ("대로", ParticleCondition.Any),
        ("에는", ParticleCondition.Any), ("에도", ParticleCondition.Any), ("에만", ParticleCondition.Any),
        ("에서는", ParticleCondition.Any), ("에서도", ParticleCondition.Any), ("에서의", ParticleCondition.Any),
        ("에서만", ParticleCondition.Any), ("에게는", ParticleCondition.Any), ("에게도", ParticleCondition.Any),
        ("한테는", ParticleCondition.Any), ("한테도", ParticleCondition.Any), ("께서는", ParticleCondition.Any),
        ("까지는", ParticleCondition.Any), ("까지도", ParticleCondition.Any), ("까지만", ParticleCondition.Any),
        ("부터는", ParticleCondition.Any), ("부터도", ParticleCondition.Any), ("만은", ParticleCondition.Any),
        ("만이", ParticleCondition.Any), ("만을", ParticleCondition.Any), ("보다는", ParticleCondition.Any),
        ("보다도", ParticleCondition.Any), ("처럼은", ParticleCondition.Any), ("마다의", ParticleCondition.Any),
    ];

    private static readonly Dictionary<string, ParticleCondition> _conditions =
        _particles.ToDictionary(p => p.Particle, p => p.Condition, StringComparer.Ordinal);

    /// <summary>Every particle form, shortest first (for display and stopword lists).</summary>
    public static IReadOnlyList<string> All { get; } =
        _particles.Select(p => p.Particle).OrderBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).ToArray().AsReadOnly();

    /// <summary>The longest particle form, in syllables.</summary>
    public static int MaxLength { get; } = _particles.Max(p => p.Particle.Length);

    /// <summary>True when <paramref name="text"/> is exactly a particle form.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static bool IsParticle(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _conditions.ContainsKey(text);
    }

    /// <summary>The sound condition of <paramref name="particle"/>; false when it is not a particle.</summary>
    public static bool TryGetCondition(ReadOnlySpan<char> particle, out ParticleCondition condition) =>
        _conditions.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(particle, out condition);

    #region Fits
    /// <summary>
    /// Whether a particle with <paramref name="condition"/> may follow the syllable <paramref name="previous"/>.
    /// A character that is not a Hangul syllable (a digit, a Latin letter) is accepted either way,
    /// since its reading, and so its final sound, is unknown.
    /// </summary>
    public static bool Fits(ParticleCondition condition, char previous)
    {
        if (!Hangul.IsSyllable(previous))
        {
            return true;
        }

        int final = Hangul.Decompose(previous).Final;
        return condition switch
        {
            ParticleCondition.AfterConsonant => final != 0,
            ParticleCondition.AfterVowel => final == 0,
            ParticleCondition.AfterConsonantExceptRieul => final is not 0 and not RieulFinal,
            ParticleCondition.AfterVowelOrRieul => final is 0 or RieulFinal,
            _ => true,
        };
    }

    private const int RieulFinal = 8;
    #endregion
}
