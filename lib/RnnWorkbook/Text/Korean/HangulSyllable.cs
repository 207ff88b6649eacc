namespace RnnWorkbook.Text.Korean;

/// <summary>
/// A precomposed Hangul syllable taken apart into the indices of its initial consonant (초성, 0–18),
/// vowel (중성, 0–20) and optional final consonant (종성, 0 for none, 1–27).
/// </summary>
/// <remarks>The code point is <c>0xAC00 + (Initial × 21 + Medial) × 28 + Final</c>.</remarks>
public readonly record struct HangulSyllable(int Initial, int Medial, int Final)
{
    /// <summary>True when the syllable ends in a consonant (받침).</summary>
    public bool HasFinal => Final != 0;

    /// <summary>The syllable as one precomposed character.</summary>
    public char ToChar() => Hangul.Compose(Initial, Medial, Final);

    /// <inheritdoc/>
    public override string ToString()
    {
        string final = HasFinal ? "+" + Hangul.FinalJamo[Final] : "";
        return $"{ToChar()} = {Hangul.InitialJamo[Initial]}+{Hangul.MedialJamo[Medial]}{final}";
    }
}
