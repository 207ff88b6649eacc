using System.Text.RegularExpressions;

namespace RnnWorkbook.Text.Normalization;

/// <summary>
/// Replaces every match of a pattern with a fixed string taken literally ("$1" is not a group
/// reference here). The general form of the URL, e-mail, date and phone cleaners, for patterns of
/// your own such as hashtags or repeated laughter ("ㅋㅋㅋㅋ").
/// </summary>
public sealed class RegexReplaceStep : ITextNormalizationStep
{
    private readonly Regex _pattern;
    private readonly string _replacement;

    /// <summary>Creates a step named <paramref name="name"/> that replaces matches of <paramref name="pattern"/>.</summary>
    /// <param name="name">How the step appears in traces.</param>
    /// <param name="pattern">What to replace.</param>
    /// <param name="replacement">The literal replacement; the empty string removes matches.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public RegexReplaceStep(string name, Regex pattern, string replacement)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(replacement);
        Name = name;
        _pattern = pattern;
        _replacement = replacement;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The pattern whose matches are replaced.</summary>
    public Regex Pattern => _pattern;

    /// <inheritdoc/>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Replace(_pattern, text, _replacement);
    }

    /// <summary>Replaces matches with <paramref name="replacement"/> taken literally.</summary>
    internal static string Replace(Regex pattern, string text, string replacement) =>
        pattern.Replace(text, replacement.Replace("$", "$$", StringComparison.Ordinal));
}
