using System.Text.RegularExpressions;

namespace RnnWorkbook.Text.Subword;

/// <summary>
/// GPT-2's pre-tokenization pattern, which cuts text into pieces that BPE merges never cross:
/// English contractions, an optional space followed by letters, by digits, or by other symbols, and
/// runs of white space (the last space before a word stays with the word).
/// </summary>
internal static partial class Gpt2PreTokenizer
{
    /// <summary>The pattern from GPT-2's encoder.py.</summary>
    public const string Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    /// <summary>The compiled pattern.</summary>
    [GeneratedRegex(Pattern)]
    public static partial Regex Regex();
}
