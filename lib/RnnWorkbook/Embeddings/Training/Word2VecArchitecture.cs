namespace RnnWorkbook.Embeddings;

/// <summary>Which way the words predict each other.</summary>
public enum Word2VecArchitecture
{
    /// <summary>The centre word predicts each word of its window.</summary>
    SkipGram,

    /// <summary>The mean of the window predicts the centre word (continuous bag of words).</summary>
    Cbow,
}
