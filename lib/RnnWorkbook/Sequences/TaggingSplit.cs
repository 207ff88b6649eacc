namespace RnnWorkbook.Sequences;

/// <summary>Training, validation and test sentences, and which source files (or lines) each side holds.</summary>
/// <param name="Train">Sentences to fit on.</param>
/// <param name="Validation">Sentences to choose on (epochs, early stopping).</param>
/// <param name="Test">Sentences measured once.</param>
/// <param name="ValidationSources">The files (or a description of the lines) on the validation side.</param>
/// <param name="TestSources">The files (or a description of the lines) on the test side.</param>
public sealed record TaggingSplit(
    IReadOnlyList<TaggedSentence> Train,
    IReadOnlyList<TaggedSentence> Validation,
    IReadOnlyList<TaggedSentence> Test,
    IReadOnlyList<string> ValidationSources,
    IReadOnlyList<string> TestSources)
{
    /// <summary>Tokens on each side.</summary>
    public (int Train, int Validation, int Test) TokenCounts =>
        (Train.Sum(s => s.Length), Validation.Sum(s => s.Length), Test.Sum(s => s.Length));
}
