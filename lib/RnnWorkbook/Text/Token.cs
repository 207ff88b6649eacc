namespace RnnWorkbook.Text;

/// <summary>
/// One token cut from a text: its characters and where they sit in the input.
/// </summary>
/// <remarks>
/// Every tokenizer in this namespace keeps offsets into the original input, so
/// <c>input.Substring(token.Start, token.Length) == token.Text</c> holds unless a tokenizer's
/// documentation says otherwise. Offsets let a notebook underline tokens in the source sentence
/// and let later chapters map predictions back to characters.
/// </remarks>
/// <param name="Text">The token's characters.</param>
/// <param name="Start">Index of the token's first UTF-16 code unit in the input.</param>
/// <param name="Length">Number of UTF-16 code units the token covers in the input.</param>
public readonly record struct Token(string Text, int Start, int Length)
{
    /// <summary>Index just past the token's last UTF-16 code unit in the input.</summary>
    public int End => Start + Length;

    /// <summary>Cuts the token <c>input[start..(start + length)]</c> with its offsets.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range does not lie inside <paramref name="input"/>.</exception>
    public static Token Slice(string input, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, input.Length - length, nameof(start));
        return new Token(input.Substring(start, length), start, length);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Text} [{Start}..{End})";
}
