using System.Diagnostics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// The chapter's real-corpus run: a word-level <see cref="SimpleRnnLm{T}"/> trained with truncated BPTT on
/// the training part of WikiText-2's valid.txt, its epochs chosen on the validation part
/// (<see cref="ValidatedTraining"/>), and the chosen model measured once on test.txt.
/// </summary>
/// <remarks>
/// WikiText-2's 2M-token training split is not used (not obtainable here, and too large for a notebook on
/// two cores), so the figures are not comparable with published WikiText-2 results, which train on it.
/// </remarks>
public static class WikiTextRnnLm
{
    /// <summary>Trains, chooses the epoch on validation, and measures test perplexity once.</summary>
    /// <param name="data">The split, vocabulary and ids (<see cref="WikiTextLmData.Read"/>).</param>
    /// <param name="maxEpochs">At most this many passes over the training part.</param>
    /// <param name="patience">Stop after this many epochs without a better validation perplexity.</param>
    /// <param name="progress">Receives the training curve as it is made.</param>
    /// <param name="batchSize">B, parallel streams.</param>
    /// <param name="timeSize">T, the truncation length.</param>
    /// <param name="hiddenSize">H, and also D, the embedding size.</param>
    /// <param name="learningRate">Adam's step size.</param>
    /// <param name="maxGradNorm">Gradient clipping threshold.</param>
    /// <param name="seed">Seed of the weights.</param>
    public static WikiTextResult Run(
        WikiTextLmData data, int maxEpochs = 3, int patience = 1, IProgress<TrainingProgress>? progress = null,
        int batchSize = 20, int timeSize = 35, int hiddenSize = 100,
        double learningRate = 0.003, double maxGradNorm = 0.25, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(data);
        var clock = Stopwatch.StartNew();
        var model = new SimpleRnnLm<float>(data.Vocabulary.Count, hiddenSize, hiddenSize, seed);
        var trainer = new Trainer<float>(model, new Adam<float>(learningRate)) { MaxGradNorm = maxGradNorm, EvalInterval = 50 };
        var history = ValidatedTraining.Fit(
            model, trainer, new TbpttBatcher(data.TrainingIds, batchSize, timeSize),
            () => HeldOutText.Perplexity(model, data.ValidationIds, data.EndOfLine, timeSize),
            maxEpochs, patience, progress);
        double test = HeldOutText.Perplexity(model, data.TestIds, data.EndOfLine, timeSize);
        return new WikiTextResult(model, history, test, clock.Elapsed);
    }
}
