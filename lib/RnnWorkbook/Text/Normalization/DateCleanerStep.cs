using System.Text.RegularExpressions;

namespace RnnWorkbook.Text.Normalization;

/// <summary>
/// Replaces written dates by a placeholder, or removes them when the placeholder is null.
/// </summary>
/// <remarks>
/// Recognized forms, with months 1–12 and days 1–31 checked by the pattern:
/// ISO "2024-01-31" (optionally with a time, "2024-01-31T09:30" or "2024-01-31 09:30:00");
/// "2024.01.31", "2024. 1. 31." and "2024/01/31"; Korean "2024년 1월 31일", "1월 31일" and "2024년";
/// "01/31/2024" and "31.01.2024" (day and month order cannot be told apart, both are accepted);
/// "January 31, 2024", "Jan. 31st 2024" and "31 January 2024". A date glued to more digits
/// ("120240131") is not matched. Leap years and month lengths are not checked ("2023-02-31" matches).
/// </remarks>
/// <param name="placeholder">Replacement text, "&lt;date&gt;" by default; null removes the date.</param>
public sealed class DateCleanerStep(string? placeholder = DateCleanerStep.DefaultPlaceholder) : ITextNormalizationStep
{
    /// <summary>The default placeholder.</summary>
    public const string DefaultPlaceholder = "<date>";

    // Compiled rather than source-generated: for this pattern the compiled matcher measured about three
    // times faster on WikiText-2.
    // The look-aheads (?=\d) and (?=[a-z]) let the matcher skip the numeric alternatives at letters and
    // the month-name one at digits; without them the combined pattern is about four times slower.
    private static readonly Regex _pattern = new("""
        (?<!\d)
        (?:
          (?=\d)
          (?:
              \d{4}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?:[T\x20]\d{1,2}:\d{2}(?::\d{2})?)?
            | \d{4}\.\x20?(?:0?[1-9]|1[0-2])\.\x20?(?:0?[1-9]|[12]\d|3[01])(?:\.(?!\d))?
            | \d{4}/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])
            | \d{4}\s*년(?:\s*(?:0?[1-9]|1[0-2])\s*월(?:\s*(?:0?[1-9]|[12]\d|3[01])\s*일)?)?
            | (?:0?[1-9]|1[0-2])\s*월\s*(?:0?[1-9]|[12]\d|3[01])\s*일
            | (?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|[12]\d|3[01])\1\d{4}
            | (?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+
              (?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?,?\s+\d{4}
          )
        | (?=[a-z])
          \b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?
          \s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+\d{4}
        )
        (?!\d)
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.Compiled);

    /// <inheritdoc/>
    public string Name => placeholder is null ? "remove dates" : $"dates → {placeholder}";

    /// <summary>The pattern this cleaner replaces.</summary>
    public static Regex Pattern => _pattern;

    /// <inheritdoc/>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RegexReplaceStep.Replace(_pattern, text, placeholder ?? "");
    }
}
