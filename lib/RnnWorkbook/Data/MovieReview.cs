namespace RnnWorkbook.Data;

/// <summary>One of the 2,000 movie reviews of Pang and Lee's polarity dataset v2.0.</summary>
/// <param name="Id">The file id as NLTK names it, e.g. "neg/cv000_29416.txt".</param>
/// <param name="Label">Positive or negative, from the folder the review is in.</param>
/// <param name="Text">The review: lowercased, tokenized (spaces between tokens), one sentence a line.</param>
public sealed record MovieReview(string Id, Polarity Label, string Text);
