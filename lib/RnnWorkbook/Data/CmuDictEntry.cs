namespace RnnWorkbook.Data;

/// <summary>One pronunciation of the CMU Pronouncing Dictionary: <c>TOMATO 2 T AH0 M AA1 T OW2</c>.</summary>
/// <param name="Word">The word as listed, upper-case (some entries are punctuation, e.g. ";SEMI-COLON").</param>
/// <param name="Variant">1 for the first pronunciation of the word, 2 for the second, ...</param>
/// <param name="Phonemes">ARPAbet phonemes, vowels carrying a stress digit (0 none, 1 primary, 2 secondary).</param>
public sealed record CmuDictEntry(string Word, int Variant, IReadOnlyList<string> Phonemes)
{
    /// <inheritdoc />
    public override string ToString() => $"{Word} {Variant} {string.Join(' ', Phonemes)}";
}
