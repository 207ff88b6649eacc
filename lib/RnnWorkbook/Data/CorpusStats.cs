using System.Globalization;
using System.Text;

namespace RnnWorkbook.Data;

/// <summary>
/// The first numbers to look at in a corpus: its size in characters, lines and whitespace-separated
/// tokens, how many distinct tokens it has, and the most frequent ones. Chapter 00 prints these for every
/// corpus before any tokenizer is introduced.
/// </summary>
/// <param name="Characters">UTF-16 characters (<see cref="string.Length"/>); one per Hangul syllable or ASCII letter.</param>
/// <param name="Lines">Lines; a last line without a line break counts too.</param>
/// <param name="Tokens">Whitespace-separated tokens.</param>
/// <param name="DistinctTokens">Distinct tokens, compared ordinally (so "The" and "the" differ).</param>
/// <param name="TopTokens">The most frequent tokens, most frequent first, ties in ordinal order.</param>
public sealed record CorpusStats(long Characters, long Lines, long Tokens, int DistinctTokens, IReadOnlyList<TokenCount> TopTokens)
{
    /// <summary>Counts the statistics of <paramref name="text"/>.</summary>
    /// <param name="text">The corpus.</param>
    /// <param name="top">How many of the most frequent tokens to keep.</param>
    public static CorpusStats Of(string text, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(top);

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        long tokens = 0;
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && char.IsWhiteSpace(span[i]))
                i++;
            var start = i;
            while (i < span.Length && !char.IsWhiteSpace(span[i]))
                i++;
            if (i == start)
                continue;

            var token = span[start..i];
            lookup[token] = lookup.TryGetValue(token, out var seen) ? seen + 1 : 1;
            tokens++;
        }

        var lines = span.Count('\n') + (text.Length > 0 && text[^1] != '\n' ? 1 : 0);
        var topTokens = counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(pair => new TokenCount(pair.Key, pair.Value))
            .ToArray();
        return new CorpusStats(text.Length, lines, tokens, counts.Count, topTokens);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"characters       {Characters,12:N0}");
        text.AppendLine(culture, $"lines            {Lines,12:N0}");
        text.AppendLine(culture, $"tokens           {Tokens,12:N0}");
        text.AppendLine(culture, $"distinct tokens  {DistinctTokens,12:N0}");
        var top = string.Join(", ", TopTokens.Select(t => string.Create(culture, $"{t.Token} ({t.Count:N0})")));
        text.Append(culture, $"top {TopTokens.Count} tokens    {top}");
        return text.ToString();
    }
}
