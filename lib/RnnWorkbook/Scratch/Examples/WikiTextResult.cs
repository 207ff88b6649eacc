namespace RnnWorkbook.Scratch;

/// <summary>The outcome of <see cref="WikiTextRnnLm.Run"/>.</summary>
/// <param name="VocabularySize">V, including &lt;unk&gt;.</param>
/// <param name="TrainTokens">Tokens in the training text.</param>
/// <param name="TestTokens">Tokens in the test text.</param>
/// <param name="History">The training curve and the test perplexity after each epoch.</param>
/// <param name="TestPerplexity">Test perplexity after the last epoch.</param>
/// <param name="Elapsed">Wall-clock time, reading the files included.</param>
public sealed record WikiTextResult(
    int VocabularySize, int TrainTokens, int TestTokens, TrainingHistory History, double TestPerplexity, TimeSpan Elapsed);
