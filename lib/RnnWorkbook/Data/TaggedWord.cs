namespace RnnWorkbook.Data;

/// <summary>A word with its part-of-speech tag, e.g. ("Fulton", "NP-TL") from the Brown token <c>Fulton/np-tl</c>.</summary>
/// <param name="Word">The word as written in the corpus.</param>
/// <param name="Tag">The tag, upper-cased as NLTK reports Brown tags.</param>
public readonly record struct TaggedWord(string Word, string Tag)
{
    /// <summary>
    /// Splits a Brown token at its last '/': <c>Atlanta's/np$</c> → ("Atlanta's", "NP$"). Words may contain
    /// '/' themselves (<c>1/2/cd</c>), so only the last one separates the tag.
    /// </summary>
    /// <exception cref="FormatException">The token has no '/' or an empty word or tag.</exception>
    public static TaggedWord Parse(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var slash = token.LastIndexOf('/');
        if (slash <= 0 || slash == token.Length - 1)
            throw new FormatException($"'{token}' is not a tagged token word/tag.");
        return new TaggedWord(token[..slash], token[(slash + 1)..].ToUpperInvariant());
    }

    /// <inheritdoc />
    public override string ToString() => $"{Word}/{Tag}";
}
