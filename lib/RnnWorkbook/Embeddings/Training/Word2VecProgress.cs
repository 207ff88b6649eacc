namespace RnnWorkbook.Embeddings;

/// <summary>Where training is, as reported about twice a second.</summary>
/// <param name="WordsDone">Corpus words processed so far, over all epochs and threads (before subsampling).</param>
/// <param name="WordsTotal">Epochs × corpus words.</param>
/// <param name="WordsPerSecond">WordsDone / Elapsed.</param>
/// <param name="Loss">The mean negative-sampling loss per (word, context) pair since the previous report.</param>
/// <param name="LearningRate">The current learning rate.</param>
/// <param name="Elapsed">Time since training started.</param>
public sealed record Word2VecProgress(long WordsDone, long WordsTotal, double WordsPerSecond, double Loss, double LearningRate, TimeSpan Elapsed)
{
    /// <summary>The share of the run done, 0–1.</summary>
    public double Fraction => WordsTotal == 0 ? 1 : (double)WordsDone / WordsTotal;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Fraction,6:P1}  {WordsDone:N0} words  {WordsPerSecond:N0} words/s  loss {Loss:F4}  lr {LearningRate:F5}  {Elapsed.TotalSeconds:F1} s";
}
