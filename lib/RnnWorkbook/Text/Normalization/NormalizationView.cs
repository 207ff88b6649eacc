using System.Text;

namespace RnnWorkbook.Text.Normalization;

/// <summary>A text in one normalization form, with the lengths that show what the form did.</summary>
/// <param name="Form">The normalization form.</param>
/// <param name="Text">The normalized text.</param>
/// <param name="Utf16Length">Its length in UTF-16 code units (<see cref="string.Length"/>).</param>
/// <param name="CodePoints">Its code points in U+ notation.</param>
public sealed record NormalizationView(NormalizationForm Form, string Text, int Utf16Length, IReadOnlyList<string> CodePoints)
{
    /// <inheritdoc/>
    public override string ToString() => $"{UnicodeInspector.ShortName(Form)}: {Text} ({Utf16Length} UTF-16 units: {string.Join(' ', CodePoints)})";
}
