namespace RnnWorkbook.Scratch;

/// <summary>The outcome of <see cref="WikiTextRnnLm.Run"/>.</summary>
/// <param name="Model">The model of the best epoch: the one tested.</param>
/// <param name="History">The training curve and the validation perplexity after each epoch.</param>
/// <param name="TestPerplexity">Perplexity of <paramref name="Model"/> on every token of test.txt, measured once.</param>
/// <param name="Elapsed">Wall-clock time, the test measurement included.</param>
public sealed record WikiTextResult(SimpleRnnLm<float> Model, ValidatedHistory History, double TestPerplexity, TimeSpan Elapsed);
