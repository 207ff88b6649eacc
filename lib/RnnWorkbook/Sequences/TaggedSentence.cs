namespace RnnWorkbook.Sequences;

/// <summary>A sentence with one tag per token: the aligned many-to-many shape (T tokens in, T tags out).</summary>
/// <param name="Tokens">The tokens in order (words, or the characters of a Korean line).</param>
/// <param name="Tags">One tag per token, e.g. "NOUN", or "1" when a space follows the character.</param>
public sealed record TaggedSentence(IReadOnlyList<string> Tokens, IReadOnlyList<string> Tags)
{
    /// <summary>T.</summary>
    public int Length => Tokens.Count;

    /// <summary>Checks that there is one tag per token.</summary>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    public static TaggedSentence Create(IReadOnlyList<string> tokens, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(tags);
        if (tokens.Count != tags.Count)
        {
            throw new ArgumentException($"tags: expected one per token ({tokens.Count}), got {tags.Count}.", nameof(tags));
        }

        return new TaggedSentence(tokens, tags);
    }
}
