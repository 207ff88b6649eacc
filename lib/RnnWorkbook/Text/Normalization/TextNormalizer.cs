namespace RnnWorkbook.Text.Normalization;

/// <summary>
/// A preprocessing pipeline: small <see cref="ITextNormalizationStep"/>s applied one after another.
/// </summary>
/// <remarks>
/// Order matters and is the caller's choice, written out where it can be read:
/// <code>
/// var normalizer = new TextNormalizer(
///     new UnicodeNormalizationStep(NormalizationForm.FormKC),
///     new UrlCleanerStep(), new EmailCleanerStep(), new PhoneCleanerStep(), new DateCleanerStep(),
///     new LowercaseStep(), new PunctuationRemovalStep(replaceWithSpace: true), new WhiteSpaceCollapseStep());
/// </code>
/// Cleaners go before punctuation removal (which would break a URL apart first) and white-space
/// collapsing goes last (removals leave gaps). <see cref="Explain"/> returns every step's before and
/// after, so a notebook can show the pipeline at work on one sentence.
/// </remarks>
public sealed class TextNormalizer
{
    private readonly ITextNormalizationStep[] _steps;

    /// <summary>Creates a pipeline that applies <paramref name="steps"/> in the given order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="steps"/> or one of its items is null.</exception>
    public TextNormalizer(IEnumerable<ITextNormalizationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _steps = steps.ToArray();
        for (int i = 0; i < _steps.Length; i++)
        {
            if (_steps[i] is null)
            {
                throw new ArgumentNullException(nameof(steps), $"Step {i} is null.");
            }
        }
    }

    /// <summary>Creates a pipeline that applies <paramref name="steps"/> in the given order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="steps"/> or one of its items is null.</exception>
    public TextNormalizer(params ITextNormalizationStep[] steps)
        : this((IEnumerable<ITextNormalizationStep>)steps)
    {
    }

    /// <summary>The steps, in the order they run.</summary>
    public IReadOnlyList<ITextNormalizationStep> Steps => _steps.AsReadOnly();

    /// <summary>Runs every step in order and returns the final text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (ITextNormalizationStep step in _steps)
        {
            text = step.Apply(text);
        }

        return text;
    }

    /// <summary>Runs every step in order and records each step's input and output.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public IReadOnlyList<NormalizationTrace> Explain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trace = new List<NormalizationTrace>(_steps.Length);
        foreach (ITextNormalizationStep step in _steps)
        {
            string after = step.Apply(text);
            trace.Add(new NormalizationTrace(step.Name, text, after));
            text = after;
        }

        return trace;
    }
}
