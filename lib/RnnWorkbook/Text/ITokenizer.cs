namespace RnnWorkbook.Text;

/// <summary>
/// Cuts a text into tokens. The one contract every tokenizer of chapter 2 follows, so a notebook can
/// run several tokenizers over the same sentence and compare them side by side.
/// </summary>
public interface ITokenizer
{
    /// <summary>
    /// Splits <paramref name="text"/> into tokens in reading order. An empty text gives no tokens.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    IReadOnlyList<Token> Tokenize(string text);
}
