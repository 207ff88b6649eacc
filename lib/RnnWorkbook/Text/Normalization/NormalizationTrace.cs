namespace RnnWorkbook.Text.Normalization;

/// <summary>What one step of a <see cref="TextNormalizer"/> did to the text: its input and output.</summary>
/// <param name="Step">The step's <see cref="ITextNormalizationStep.Name"/>.</param>
/// <param name="Before">The text the step received.</param>
/// <param name="After">The text the step returned.</param>
public sealed record NormalizationTrace(string Step, string Before, string After)
{
    /// <summary>True when the step changed the text.</summary>
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}
