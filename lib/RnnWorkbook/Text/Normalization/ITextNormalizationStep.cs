namespace RnnWorkbook.Text.Normalization;

/// <summary>
/// One small, named rewrite of a text (lowercase it, drop punctuation, replace URLs, ...).
/// <see cref="TextNormalizer"/> chains steps in order and can show what each one changed.
/// </summary>
public interface ITextNormalizationStep
{
    /// <summary>A short name for traces and tables, such as "lowercase" or "urls → &lt;url&gt;".</summary>
    string Name { get; }

    /// <summary>Returns the rewritten text; never null.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    string Apply(string text);
}
