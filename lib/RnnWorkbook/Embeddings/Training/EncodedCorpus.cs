namespace RnnWorkbook.Embeddings;

/// <summary>A corpus as word ids: sentence s is <c>Ids[SentenceStarts[s] .. SentenceStarts[s + 1]]</c>.</summary>
/// <remarks>Context windows never cross a sentence boundary.</remarks>
public sealed class EncodedCorpus
{
    internal EncodedCorpus(int[] ids, int[] sentenceStarts) => (Ids, SentenceStarts) = (ids, sentenceStarts);

    /// <summary>Every kept word of the corpus, in order.</summary>
    public int[] Ids { get; }

    /// <summary>The offset of each sentence, plus the total length at the end.</summary>
    public int[] SentenceStarts { get; }

    /// <summary>The number of sentences.</summary>
    public int SentenceCount => SentenceStarts.Length - 1;

    /// <summary>The number of words.</summary>
    public int Length => Ids.Length;
}
