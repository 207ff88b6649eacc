using System.Text.RegularExpressions;

namespace RnnWorkbook.Text.Normalization;

/// <summary>
/// Replaces web addresses that start with a scheme (http, https, ftp) or "www." by a placeholder,
/// or removes them when the placeholder is null.
/// </summary>
/// <remarks>
/// Hangul ends an address: in "https://example.com에서" the particle 에서 is not part of the URL, since
/// Korean text attaches particles without a space (an address with a Hangul path is cut there too).
/// Trailing sentence punctuation (".,;:!?)]}") is left outside. Bare domains such as "example.com"
/// are not matched: without a scheme they cannot be told from an abbreviation or a file name.
/// </remarks>
/// <param name="placeholder">Replacement text, "&lt;url&gt;" by default; null removes the address.</param>
public sealed partial class UrlCleanerStep(string? placeholder = UrlCleanerStep.DefaultPlaceholder) : ITextNormalizationStep
{
    /// <summary>The default placeholder.</summary>
    public const string DefaultPlaceholder = "<url>";

    /// <inheritdoc/>
    public string Name => placeholder is null ? "remove urls" : $"urls → {placeholder}";

    /// <summary>The pattern this cleaner replaces.</summary>
    public static Regex Pattern => UrlPattern();

    /// <inheritdoc/>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RegexReplaceStep.Replace(UrlPattern(), text, placeholder ?? "");
    }

    [GeneratedRegex("""
        (?:\b(?:https?|ftp)://|\bwww\.)
        [^\s<>"'`\uAC00-\uD7A3\u3131-\u318E]*
        [^\s<>"'`\uAC00-\uD7A3\u3131-\u318E.,;:!?)\]}]
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex UrlPattern();
}
