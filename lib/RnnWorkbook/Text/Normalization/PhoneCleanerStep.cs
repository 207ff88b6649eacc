using System.Text.RegularExpressions;

namespace RnnWorkbook.Text.Normalization;

/// <summary>
/// Replaces telephone numbers by a placeholder, or removes them when the placeholder is null.
/// </summary>
/// <remarks>
/// Recognized forms: Korean mobile numbers "010-1234-5678", "010 1234 5678", "01012345678"
/// (prefixes 010, 011, 016–019); Korean area numbers "02-123-4567", "031-1234-5678", "070-1234-5678";
/// Korean business numbers "1588-1234"; international numbers starting with "+" and a country code
/// ("+82 10-1234-5678", "+1 (555) 123-4567", "+44 20 7946 0958"); North American "(555) 123-4567"
/// and "555-123-4567". Numbers glued to more digits are not matched, so a long ID or an ISO date is
/// left alone.
/// </remarks>
/// <param name="placeholder">Replacement text, "&lt;phone&gt;" by default; null removes the number.</param>
public sealed class PhoneCleanerStep(string? placeholder = PhoneCleanerStep.DefaultPlaceholder) : ITextNormalizationStep
{
    /// <summary>The default placeholder.</summary>
    public const string DefaultPlaceholder = "<phone>";

    // Compiled rather than source-generated: for this pattern the compiled matcher measured about three
    // times faster on WikiText-2.
    private static readonly Regex _pattern = new("""
        (?<![\d+])
        (?:
            \+\d{1,3}[\x20.-]?(?:\(\d{1,4}\)[\x20.-]?)?\d{1,4}(?:[\x20.-]\d{2,4}){1,3}
          | 01[016-9][\x20.-]?\d{3,4}[\x20.-]?\d{4}
          | 0(?:2|[3-6][1-5]|70)[\x20.-]?\d{3,4}[\x20.-]?\d{4}
          | 1[5-9]\d{2}-\d{4}
          | \(\d{3}\)\x20?\d{3}[\x20.-]\d{4}
          | \d{3}[.-]\d{3}[.-]\d{4}
        )
        (?!\d)
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.Compiled);

    /// <inheritdoc/>
    public string Name => placeholder is null ? "remove phone numbers" : $"phone numbers → {placeholder}";

    /// <summary>The pattern this cleaner replaces.</summary>
    public static Regex Pattern => _pattern;

    /// <inheritdoc/>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RegexReplaceStep.Replace(_pattern, text, placeholder ?? "");
    }
}
