namespace RnnWorkbook.Embeddings;

/// <summary>
/// Subsampling of frequent words (Mikolov et al. 2013, "Distributed Representations of Words and Phrases",
/// §2.3): each occurrence of a word with corpus frequency f is dropped with a probability that grows with f,
/// so "the" and "of" stop dominating the training pairs and rare words get relatively more updates.
/// </summary>
public static class Subsampling
{
    #region Formula
    /// <summary>The paper's formula: P(discard w) = 1 − √(t / f(w)), clipped at 0, with f(w) = count / total.</summary>
    public static double DiscardProbability(long count, long totalWords, double threshold)
    {
        Validate(count, totalWords, threshold);
        double f = (double)count / totalWords;
        return Math.Max(0, 1 - Math.Sqrt(threshold / f));
    }

    /// <summary>
    /// What word2vec.c (and gensim) implement: P(keep w) = (√(f / t) + 1) · t / f, clipped at 1. It keeps a few
    /// more occurrences than the paper's formula; for f ≫ t both tend to √(t / f).
    /// </summary>
    public static double KeepProbability(long count, long totalWords, double threshold)
    {
        Validate(count, totalWords, threshold);
        if (threshold == 0)
        {
            return 1;
        }

        double f = (double)count / totalWords;
        return Math.Min(1, (Math.Sqrt(f / threshold) + 1) * threshold / f);
    }

    private static void Validate(long count, long totalWords, double threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(totalWords, count);
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
    }
    #endregion
}
