namespace RnnWorkbook.Text.Subword;

/// <summary>One token id produced by an encoder, with the span of the input text it covers.</summary>
/// <param name="Id">The token id.</param>
/// <param name="Start">Index of the first UTF-16 unit of the covered text.</param>
/// <param name="Length">Number of UTF-16 units covered (0 for a sentence-piece dummy prefix alone).</param>
internal readonly record struct EncodedPiece(int Id, int Start, int Length);
