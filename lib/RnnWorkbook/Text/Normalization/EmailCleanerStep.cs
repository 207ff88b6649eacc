using System.Text.RegularExpressions;

namespace RnnWorkbook.Text.Normalization;

/// <summary>
/// Replaces e-mail addresses (ASCII local part, dotted domain with a top-level domain of two or more
/// letters) by a placeholder, or removes them when the placeholder is null.
/// </summary>
/// <remarks>
/// Hangul before or after the address does not block the match ("메일은abc@example.com으로"), so the
/// boundaries are written as ASCII look-arounds instead of <c>\b</c>, which treats Hangul as a word
/// character. Internationalized addresses with non-ASCII local parts are not matched.
/// </remarks>
/// <param name="placeholder">Replacement text, "&lt;email&gt;" by default; null removes the address.</param>
public sealed class EmailCleanerStep(string? placeholder = EmailCleanerStep.DefaultPlaceholder) : ITextNormalizationStep
{
    /// <summary>The default placeholder.</summary>
    public const string DefaultPlaceholder = "<email>";

    // Compiled rather than source-generated: for this pattern the compiled matcher measured about three
    // times faster on WikiText-2.
    // The look-ahead for '@' rejects ordinary words before the matcher walks into the domain part.
    private static readonly Regex _pattern = new("""
        (?<![A-Za-z0-9._%+-])
        (?=[A-Za-z0-9._%+-]+@)
        [A-Za-z0-9._%+-]+ @ [A-Za-z0-9-]+ (?:\.[A-Za-z0-9-]+)* \.[A-Za-z]{2,}
        (?![A-Za-z0-9-])
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.Compiled);

    /// <inheritdoc/>
    public string Name => placeholder is null ? "remove e-mails" : $"e-mails → {placeholder}";

    /// <summary>The pattern this cleaner replaces.</summary>
    public static Regex Pattern => _pattern;

    /// <inheritdoc/>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RegexReplaceStep.Replace(_pattern, text, placeholder ?? "");
    }
}
