using System.Globalization;

namespace RnnWorkbook.Text.Tokenizers;

/// <summary>
/// Cuts text into user-perceived characters: extended grapheme clusters (Unicode UAX #29, as
/// implemented by <see cref="StringInfo.GetNextTextElementLength(ReadOnlySpan{char})"/>), the unit a
/// character-level language model should predict.
/// </summary>
/// <remarks>
/// A UTF-16 <see cref="char"/> is not a character: "👩‍💻" is five code units joined by a zero-width
/// joiner, "é" may be "e" plus a combining accent, and a Hangul syllable written as conjoining jamo
/// (NFD "한" = ᄒ ᅡ ᆫ) is three code points. Each of these is one token here. An unpaired surrogate
/// is a token of its own.
/// </remarks>
/// <param name="includeWhiteSpace">Keeps white-space clusters as tokens (needed to rebuild the text); true by default.</param>
public sealed class CharacterTokenizer(bool includeWhiteSpace = true) : ITokenizer
{
    /// <summary>Whether white-space clusters are returned as tokens.</summary>
    public bool IncludeWhiteSpace { get; } = includeWhiteSpace;

    /// <inheritdoc/>
    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            int length = StringInfo.GetNextTextElementLength(text.AsSpan(i));
            if (IncludeWhiteSpace || !char.IsWhiteSpace(text[i]))
            {
                tokens.Add(Token.Slice(text, i, length));
            }

            i += length;
        }

        return tokens;
    }
}
