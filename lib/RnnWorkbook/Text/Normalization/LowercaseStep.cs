namespace RnnWorkbook.Text.Normalization;

/// <summary>
/// Lowercases with the invariant culture, so the result does not depend on the machine's locale
/// (under a Turkish culture "I" would become dotless "ı"). Hangul has no case and is unchanged.
/// </summary>
public sealed class LowercaseStep : ITextNormalizationStep
{
    /// <inheritdoc/>
    public string Name => "lowercase";

    /// <inheritdoc/>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToLowerInvariant();
    }
}
