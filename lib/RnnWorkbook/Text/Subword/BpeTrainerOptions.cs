namespace RnnWorkbook.Text.Subword;

/// <summary>Settings for <see cref="BpeTrainer"/>.</summary>
public sealed record BpeTrainerOptions
{
    /// <summary>
    /// The vocabulary size to reach: special tokens + base alphabet + merged tokens. Training stops
    /// earlier when no pair occurs <see cref="MinFrequency"/> times any more. 8,000 by default.
    /// </summary>
    public int VocabularySize { get; init; } = 8000;

    /// <summary>The fewest occurrences a pair needs to be merged; 2 by default.</summary>
    public int MinFrequency { get; init; } = 2;

    /// <summary>
    /// Tokens with reserved ids 0, 1, 2, ... in this order, such as "&lt;pad&gt;" or "&lt;|endoftext|&gt;".
    /// They are matched literally in text (never split, never merged). Sentence-piece mode always has
    /// "&lt;unk&gt;" and appends it when it is missing.
    /// </summary>
    public IReadOnlyList<string> SpecialTokens { get; init; } = [];

    /// <summary>Byte-level (GPT-2) or sentence-piece style; byte-level by default.</summary>
    public BpeMode Mode { get; init; } = BpeMode.ByteLevel;

    /// <summary>
    /// Sentence-piece mode: the share of character occurrences the base alphabet must cover
    /// (0 &lt; coverage ≤ 1; 0.9995 by default, SentencePiece's default for languages with large
    /// character sets such as Korean). Ignored in byte-level mode.
    /// </summary>
    public double CharacterCoverage { get; init; } = 0.9995;
}
