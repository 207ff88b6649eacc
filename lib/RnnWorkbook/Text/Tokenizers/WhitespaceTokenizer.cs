namespace RnnWorkbook.Text.Tokenizers;

/// <summary>
/// Splits on Unicode white space (<see cref="char.IsWhiteSpace(char)"/>): the baseline every other
/// tokenizer is compared with. Punctuation stays glued to words ("end." is one token), which is
/// exactly the weakness the word tokenizer fixes.
/// </summary>
public sealed class WhitespaceTokenizer : ITokenizer
{
    /// <inheritdoc/>
    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                tokens.Add(Token.Slice(text, start, i - start));
            }
        }

        return tokens;
    }
}
