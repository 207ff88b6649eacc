namespace RnnWorkbook.Data;

/// <summary>A word of the CoNLL-2000 chunking data: <c>Confidence NN B-NP</c>.</summary>
/// <param name="Word">The word.</param>
/// <param name="PartOfSpeech">Its Penn Treebank tag, e.g. "NN".</param>
/// <param name="Chunk">Its chunk label in IOB form: "B-NP" begins a noun phrase, "I-NP" continues it, "O" is outside.</param>
public readonly record struct ChunkedWord(string Word, string PartOfSpeech, string Chunk);
