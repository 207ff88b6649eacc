using System.Text;

namespace RnnWorkbook.Text.Normalization;

/// <summary>
/// Collapses every run of white space into one space and trims both ends. With
/// <c>keepLineBreaks</c>, a run that contains a line break becomes one "\n" instead, so paragraph and
/// line structure survive.
/// </summary>
/// <param name="keepLineBreaks">Turns runs containing '\n' or '\r' into a single "\n".</param>
public sealed class WhiteSpaceCollapseStep(bool keepLineBreaks = false) : ITextNormalizationStep
{
    /// <inheritdoc/>
    public string Name => keepLineBreaks ? "collapse white space (keep lines)" : "collapse white space";

    /// <inheritdoc/>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            int runStart = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            builder.Append(text, runStart, i - runStart);
            bool lineBreak = false;
            int spaceStart = i;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                lineBreak |= text[i] is '\n' or '\r';
                i++;
            }

            if (i > spaceStart && builder.Length > 0 && i < text.Length)
            {
                builder.Append(keepLineBreaks && lineBreak ? '\n' : ' ');
            }
        }

        return builder.ToString();
    }
}
