using System.Text;

namespace RnnWorkbook.Text.Normalization;

/// <summary>
/// Brings text to one Unicode normalization form, so that equal-looking strings compare equal.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>NFC (composed): "한" is one code point, U+D55C. Use for storage and display.</item>
/// <item>NFD (decomposed): "한" is three conjoining jamo, U+1112 U+1161 U+11AB; "é" is "e" + U+0301.
/// Text copied from macOS file names often arrives in NFD.</item>
/// <item>NFKC / NFKD: as NFC / NFD, and compatibility characters are folded to their plain
/// equivalents: full-width "ＡＢＣ１２３" → "ABC123", "ﬁ" → "fi", "①" → "1", "㈜" → "(주)".
/// NFKC is the usual choice before tokenization; it loses distinctions (superscripts, circled
/// numbers) that rarely matter for language models.</item>
/// </list>
/// Strings with unpaired surrogates have no normal form; <see cref="Apply"/> rejects them with an
/// <see cref="ArgumentException"/>.
/// </remarks>
public sealed class UnicodeNormalizationStep : ITextNormalizationStep
{
    /// <summary>Creates a step that normalizes to <paramref name="form"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="form"/> is not a defined form.</exception>
    public UnicodeNormalizationStep(NormalizationForm form = NormalizationForm.FormKC)
    {
        if (!Enum.IsDefined(form))
        {
            throw new ArgumentOutOfRangeException(nameof(form), form, "Unknown normalization form.");
        }

        Form = form;
    }

    /// <summary>The target form.</summary>
    public NormalizationForm Form { get; }

    /// <inheritdoc/>
    public string Name => UnicodeInspector.ShortName(Form);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="text"/> contains an unpaired surrogate.</exception>
    public string Apply(string text) => UnicodeInspector.Normalize(text, Form);
}
