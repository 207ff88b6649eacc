namespace RnnWorkbook.Data;

/// <summary>One of the Brown Corpus's 500 texts: its file id (e.g. "ca01"), genre and tagged sentences.</summary>
/// <param name="Id">The file name inside <c>brown/</c>, e.g. "ca01".</param>
/// <param name="Category">The genre from <c>cats.txt</c>, e.g. "news".</param>
/// <param name="Sentences">The sentences in order, each a list of tagged words.</param>
public sealed record BrownDocument(string Id, string Category, IReadOnlyList<IReadOnlyList<TaggedWord>> Sentences)
{
    /// <summary>Every tagged word of the text in order.</summary>
    public IEnumerable<TaggedWord> TaggedWords => Sentences.SelectMany(s => s);

    /// <summary>Every word of the text in order, without tags.</summary>
    public IEnumerable<string> Words => TaggedWords.Select(w => w.Word);
}
