namespace RnnWorkbook.Embeddings;

/// <summary>
/// The settings of <see cref="Word2VecTrainer"/>, named as in word2vec.c and gensim. The defaults are
/// gensim's: dimension 100, window 5, 5 negatives, sample 1e-3, min count 5, 5 epochs.
/// </summary>
public sealed record Word2VecOptions
{
    /// <summary>Skip-gram or CBOW.</summary>
    public Word2VecArchitecture Architecture { get; init; } = Word2VecArchitecture.SkipGram;

    /// <summary>The length of each word vector (1 – 10,000).</summary>
    public int Dimension { get; init; } = 100;

    /// <summary>The largest distance to a context word (1 – 100); each position uses a random window of 1..Window, as word2vec.c does.</summary>
    public int Window { get; init; } = 5;

    /// <summary>Negative samples per positive pair (1 – 100).</summary>
    public int Negative { get; init; } = 5;

    /// <summary>The subsampling threshold t of <see cref="Subsampling.KeepProbability"/>; 0 keeps every word.</summary>
    public double Sample { get; init; } = 1e-3;

    /// <summary>The power of the unigram distribution negatives are drawn from.</summary>
    public double NegativePower { get; init; } = 0.75;

    /// <summary>Words seen fewer times are left out.</summary>
    public int MinCount { get; init; } = 5;

    /// <summary>Passes over the corpus.</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>Threads updating the shared weights without locks (Hogwild). With 1 thread a run is bit-identical for a seed.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The starting learning rate; null means word2vec.c's 0.025 for skip-gram and 0.05 for CBOW.</summary>
    public double? LearningRate { get; init; }

    /// <summary>The learning rate falls linearly to <see cref="LearningRate"/> · this factor at the end of the last epoch.</summary>
    public double MinLearningRateFactor { get; init; } = 1e-4;

    /// <summary>The seed of the initial weights, the windows, subsampling and the negatives.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>FastText subwords: null trains plain word2vec.</summary>
    public SubwordOptions? Subwords { get; init; }

    /// <summary>The learning rate used: <see cref="LearningRate"/> or the architecture's default.</summary>
    public double StartingLearningRate => LearningRate ?? (Architecture == Word2VecArchitecture.SkipGram ? 0.025 : 0.05);

    /// <summary>Throws naming the first setting out of range.</summary>
    public void Validate()
    {
        Require(Dimension is >= 1 and <= 10_000, nameof(Dimension), Dimension, "between 1 and 10,000");
        Require(Window is >= 1 and <= 100, nameof(Window), Window, "between 1 and 100");
        Require(Negative is >= 1 and <= 100, nameof(Negative), Negative, "between 1 and 100");
        Require(Sample is >= 0 and < 1, nameof(Sample), Sample, "in [0, 1)");
        Require(NegativePower is >= 0 and <= 2, nameof(NegativePower), NegativePower, "between 0 and 2");
        Require(MinCount >= 1, nameof(MinCount), MinCount, "at least 1");
        Require(Epochs is >= 1 and <= 1000, nameof(Epochs), Epochs, "between 1 and 1,000");
        Require(Threads is >= 1 and <= 256, nameof(Threads), Threads, "between 1 and 256");
        Require(StartingLearningRate is > 0 and <= 10, nameof(LearningRate), StartingLearningRate, "in (0, 10]");
        Require(MinLearningRateFactor is >= 0 and <= 1, nameof(MinLearningRateFactor), MinLearningRateFactor, "in [0, 1]");
        Subwords?.Validate();
    }

    internal static void Require(bool ok, string name, object value, string range)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {range}; got {value}.");
        }
    }
}
