namespace RnnWorkbook.Data;

/// <summary>A text with its sentiment label, e.g. one line of the sentence polarity data.</summary>
/// <param name="Text">The text, already lowercased and tokenized (tokens separated by spaces) in Pang and Lee's corpora.</param>
/// <param name="Label">Its polarity.</param>
public sealed record LabelledText(string Text, Polarity Label);
