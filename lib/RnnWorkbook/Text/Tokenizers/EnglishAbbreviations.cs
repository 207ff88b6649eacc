namespace RnnWorkbook.Text.Tokenizers;

/// <summary>
/// Abbreviations whose final period belongs to the word, shared by the word tokenizer and the
/// sentence splitter. Stored without the final period, compared case-insensitively.
/// </summary>
internal static class EnglishAbbreviations
{
    /// <summary>Titles and short forms that are almost never the last word of a sentence.</summary>
    private static readonly HashSet<string> _neverFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "messrs", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "capt",
        "lt", "sgt", "cmdr", "adm", "maj", "rev", "hon", "pres", "gov", "sen", "rep", "supt",
        "e.g", "i.e", "cf", "vs", "viz", "approx", "no", "nos", "fig", "figs", "vol", "vols", "pp",
        "ch", "sec", "eq", "eqs", "ed", "eds", "dept", "univ", "assn", "ave", "blvd", "rd",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    /// <summary>Abbreviations that often end a sentence too ("... and so on, etc.").</summary>
    private static readonly HashSet<string> _mayBeFinal = new(StringComparer.OrdinalIgnoreCase)
    {
        "etc", "inc", "ltd", "co", "corp", "bros", "al", "a.m", "p.m", "u.s", "u.k", "u.n", "u.s.a", "ph.d",
    };

    /// <summary>True when <paramref name="word"/> (without its final period) is a known abbreviation.</summary>
    public static bool IsAbbreviation(ReadOnlySpan<char> word) =>
        IsNeverFinal(word) || _mayBeFinal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>True when a period after <paramref name="word"/> should not end a sentence whatever follows.</summary>
    public static bool IsNeverFinal(ReadOnlySpan<char> word) =>
        _neverFinal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>
    /// True for dotted initialisms such as "U.S" or "e.g" (single letters joined by periods) and for
    /// a lone capital initial such as the "J" of "J. K. Rowling".
    /// </summary>
    public static bool IsInitialism(ReadOnlySpan<char> word)
    {
        if (word.Length == 1)
        {
            return char.IsUpper(word[0]);
        }

        if (word.Length < 3 || word.Length % 2 == 0)
        {
            return false;
        }

        for (int i = 0; i < word.Length; i++)
        {
            bool ok = i % 2 == 0 ? char.IsLetter(word[i]) : word[i] == '.';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
