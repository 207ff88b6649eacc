using System.Buffers;

namespace RnnWorkbook.Text.Subword;

/// <summary>
/// Finds special tokens ("&lt;|endoftext|&gt;", "&lt;bos&gt;", ...) in text so that encoders emit them as single
/// ids and never split or merge them. Where two specials start at the same place the longer wins.
/// </summary>
internal sealed class SpecialTokenMatcher
{
    private readonly (string Text, int Id)[] _specials;
    private readonly SearchValues<char> _firstChars;

    public SpecialTokenMatcher(IEnumerable<KeyValuePair<string, int>> specials)
    {
        _specials = specials.Select(pair => (pair.Key, pair.Value)).OrderByDescending(s => s.Key.Length).ToArray();
        _firstChars = SearchValues.Create(_specials.Select(s => s.Text[0]).Distinct().ToArray());
    }

    /// <summary>Text segments and special tokens in order; <c>SpecialId</c> is −1 for an ordinary segment.</summary>
    public void Split(string text, List<(int Start, int Length, int SpecialId)> segments)
    {
        segments.Clear();
        int segmentStart = 0;
        int i = 0;
        while (_specials.Length > 0 && i < text.Length)
        {
            int found = text.AsSpan(i).IndexOfAny(_firstChars);
            if (found < 0)
            {
                break;
            }

            i += found;
            (string Text, int Id)? match = MatchAt(text, i);
            if (match is not { } special)
            {
                i++;
                continue;
            }

            if (i > segmentStart)
            {
                segments.Add((segmentStart, i - segmentStart, -1));
            }

            segments.Add((i, special.Text.Length, special.Id));
            i += special.Text.Length;
            segmentStart = i;
        }

        if (text.Length > segmentStart)
        {
            segments.Add((segmentStart, text.Length - segmentStart, -1));
        }
    }

    private (string Text, int Id)? MatchAt(string text, int index)
    {
        foreach ((string Text, int Id) special in _specials)
        {
            if (text.AsSpan(index).StartsWith(special.Text, StringComparison.Ordinal))
            {
                return special;
            }
        }

        return null;
    }
}
