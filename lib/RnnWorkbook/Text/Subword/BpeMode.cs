namespace RnnWorkbook.Text.Subword;

/// <summary>What byte-pair encoding starts from and how it cuts the text before merging.</summary>
public enum BpeMode
{
    /// <summary>
    /// GPT-2 style: the text is cut by GPT-2's pre-tokenization pattern (words, numbers, punctuation,
    /// white space, each with at most one leading space), and each piece starts as its UTF-8 bytes.
    /// The 256 bytes are always in the vocabulary, so every string can be encoded and decoded
    /// without loss and no token is ever unknown.
    /// </summary>
    ByteLevel,

    /// <summary>
    /// SentencePiece style: no language-specific pre-tokenization. Spaces become '▁' (U+2581) and a
    /// '▁' is put in front of the text, so a word's leading space is part of the word's first token;
    /// merges never cross the start of the next '▁'. Pieces start as Unicode characters; the
    /// alphabet keeps the most frequent characters that together cover a chosen share of the text
    /// (character coverage), and the rest become &lt;unk&gt;. Works the same for Korean, English or
    /// Chinese.
    /// </summary>
    SentencePiece,
}
