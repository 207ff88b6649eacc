namespace RnnWorkbook.Text.Stopwords;

/// <summary>
/// Drops stopwords from token sequences. Built from any number of lists (the ready-made ones in
/// <see cref="StopwordLists"/> and your own), compared ordinally, ignoring case by default.
/// </summary>
public sealed class StopwordFilter
{
    private readonly HashSet<string> _words;

    /// <summary>Creates a filter from one or more word lists.</summary>
    /// <param name="ignoreCase">Matches "The" against "the" (ordinal, case-insensitive).</param>
    /// <param name="lists">The stopword lists to combine.</param>
    /// <exception cref="ArgumentNullException"><paramref name="lists"/> or one of its lists or words is null.</exception>
    public StopwordFilter(bool ignoreCase, params IEnumerable<string>[] lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        _words = new HashSet<string>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (IEnumerable<string> list in lists)
        {
            ArgumentNullException.ThrowIfNull(list, nameof(lists));
            foreach (string word in list)
            {
                ArgumentNullException.ThrowIfNull(word, nameof(lists));
                _words.Add(word);
            }
        }
    }

    /// <summary>Creates a case-insensitive filter from one or more word lists.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="lists"/> or one of its lists or words is null.</exception>
    public StopwordFilter(params IEnumerable<string>[] lists)
        : this(true, lists)
    {
    }

    /// <summary>Number of distinct stopwords.</summary>
    public int Count => _words.Count;

    /// <summary>True when <paramref name="word"/> is a stopword.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="word"/> is null.</exception>
    public bool IsStopword(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _words.Contains(word);
    }

    /// <summary>The words that are not stopwords, in order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="words"/> is null.</exception>
    public IReadOnlyList<string> Filter(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return words.Where(word => !IsStopword(word)).ToList();
    }

    /// <summary>The tokens that are not stopwords, in order, with their offsets.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> is null.</exception>
    public IReadOnlyList<Token> Filter(IEnumerable<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return tokens.Where(token => !_words.Contains(token.Text)).ToList();
    }
}
