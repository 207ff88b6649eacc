using System.Text.RegularExpressions;

namespace RnnWorkbook.Text.Tokenizers;

/// <summary>
/// A pattern-driven tokenizer in the manner of NLTK's <c>RegexpTokenizer</c>: either every match of
/// the pattern is a token, or (gaps mode) the pattern describes the separators and the text between
/// matches is a token.
/// </summary>
/// <remarks>
/// <c>new RegexTokenizer(@"\w+|[^\w\s]+")</c> keeps words and runs of punctuation;
/// <c>new RegexTokenizer(@"\s+", gaps: true)</c> is a whitespace tokenizer. Empty tokens (an empty
/// match, or two adjacent separators in gaps mode) are dropped unless <c>discardEmpty</c> is false.
/// </remarks>
public sealed class RegexTokenizer : ITokenizer
{
    private readonly Regex _pattern;
    private readonly bool _gaps;
    private readonly bool _discardEmpty;

    /// <summary>Creates a tokenizer from a compiled pattern.</summary>
    /// <param name="pattern">What a token looks like, or in gaps mode what a separator looks like.</param>
    /// <param name="gaps">True when <paramref name="pattern"/> matches separators instead of tokens.</param>
    /// <param name="discardEmpty">Drops zero-length tokens (the NLTK default).</param>
    public RegexTokenizer(Regex pattern, bool gaps = false, bool discardEmpty = true)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        _pattern = pattern;
        _gaps = gaps;
        _discardEmpty = discardEmpty;
    }

    /// <summary>Creates a tokenizer from a pattern string (compiled once, culture-invariant).</summary>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is empty or not a valid regular expression.</exception>
    public RegexTokenizer(string pattern, bool gaps = false, bool discardEmpty = true)
        : this(Compile(pattern), gaps, discardEmpty)
    {
    }

    /// <summary>The pattern this tokenizer applies.</summary>
    public Regex Pattern => _pattern;

    /// <summary>True when the pattern describes separators rather than tokens.</summary>
    public bool Gaps => _gaps;

    /// <inheritdoc/>
    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        int previousEnd = 0;
        foreach (ValueMatch match in _pattern.EnumerateMatches(text))
        {
            if (_gaps)
            {
                Add(tokens, text, previousEnd, match.Index - previousEnd);
                previousEnd = match.Index + match.Length;
            }
            else
            {
                Add(tokens, text, match.Index, match.Length);
            }
        }

        if (_gaps)
        {
            Add(tokens, text, previousEnd, text.Length - previousEnd);
        }

        return tokens;
    }

    private void Add(List<Token> tokens, string text, int start, int length)
    {
        if (length > 0 || !_discardEmpty)
        {
            tokens.Add(Token.Slice(text, start, length));
        }
    }

    private static Regex Compile(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"'{pattern}' is not a valid regular expression: {error.Message}", nameof(pattern), error);
        }
    }
}
