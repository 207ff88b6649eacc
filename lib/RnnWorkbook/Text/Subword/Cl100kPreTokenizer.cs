using System.Globalization;

namespace RnnWorkbook.Text.Subword;

/// <summary>
/// The cl100k_base pre-tokenization pattern written out as a scanner. It cuts exactly where
/// Microsoft.ML.Tokenizers' (and current tiktoken's) pattern cuts, matched as a .NET regular expression
/// over UTF-16 code units:
/// <code>'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s+$|\s*[\r\n]|\s+(?!\S)|\s</code>
/// (the library writes some groups as atomic; that changes nothing here because no later part of an
/// alternative can fail). A hand-written scanner reads each character once through a 64K-entry class
/// table instead of running a backtracking matcher; the tests compare it with the regular expression
/// on every character and on random strings.
/// </summary>
internal static class Cl100kPreTokenizer
{
    /// <summary>The pattern, for tests and documentation.</summary>
    public const string Pattern = @"'(?i:[sdmt]|ll|ve|re)|(?>[^\r\n\p{L}\p{N}]?)(?>\p{L}+)|(?>\p{N}{1,3})| ?(?>[^\s\p{L}\p{N}]+)(?>[\r\n]*)|(?>\s+)$|\s*[\r\n]|\s+(?!\S)|\s";

    private const byte Other = 0;
    private const byte Letter = 1;
    private const byte Number = 2;
    private const byte Space = 4;
    private const byte LineBreak = Space | 8;

    private static readonly byte[] _classes = BuildClasses();

    /// <summary>End (exclusive) of the piece that starts at <paramref name="start"/>.</summary>
    public static int NextPieceEnd(ReadOnlySpan<char> text, int start)
    {
        int n = text.Length;
        char c = text[start];
        byte cls = _classes[c];

        if (c == '\'' && start + 1 < n)
        {
            int contraction = ContractionLength(text, start);
            if (contraction > 0)
            {
                return start + contraction;
            }
        }

        if (cls == Letter || (cls != Number && cls != LineBreak && start + 1 < n && _classes[text[start + 1]] == Letter))
        {
            int j = start + 1;
            while (j < n && _classes[text[j]] == Letter)
            {
                j++;
            }

            return j;
        }

        if (cls == Number)
        {
            int j = start + 1;
            while (j < n && j < start + 3 && _classes[text[j]] == Number)
            {
                j++;
            }

            return j;
        }

        int k = c == ' ' && start + 1 < n && _classes[text[start + 1]] == Other ? start + 1 : start;
        if (_classes[text[k]] == Other)
        {
            int j = k + 1;
            while (j < n && _classes[text[j]] == Other)
            {
                j++;
            }

            while (j < n && text[j] is '\r' or '\n')
            {
                j++;
            }

            return j;
        }

        // White space: the run W = text[start..end).
        int end = start + 1;
        while (end < n && (_classes[text[end]] & Space) != 0)
        {
            end++;
        }

        if (end == n)
        {
            return n;
        }

        for (int j = end - 1; j >= start; j--)
        {
            if (text[j] is '\r' or '\n')
            {
                return j + 1;
            }
        }

        return end - start >= 2 ? end - 1 : start + 1;
    }

    /// <summary>Length of "'s", "'d", "'m", "'t", "'ll", "'ve" or "'re" (any case) at <paramref name="start"/>, or 0.</summary>
    private static int ContractionLength(ReadOnlySpan<char> text, int start)
    {
        char a = ToLowerAscii(text[start + 1]);
        if (a is 's' or 'd' or 'm' or 't')
        {
            return 2;
        }

        if (start + 2 < text.Length)
        {
            char b = ToLowerAscii(text[start + 2]);
            if ((a == 'l' && b == 'l') || (a == 'v' && b == 'e') || (a == 'r' && b == 'e'))
            {
                return 3;
            }
        }

        return 0;
    }

    private static char ToLowerAscii(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;

    private static byte[] BuildClasses()
    {
        var classes = new byte[65536];
        for (int i = 0; i < classes.Length; i++)
        {
            char c = (char)i;
            classes[i] = CharUnicodeInfo.GetUnicodeCategory(c) switch
            {
                >= UnicodeCategory.UppercaseLetter and <= UnicodeCategory.OtherLetter => Letter,
                >= UnicodeCategory.DecimalDigitNumber and <= UnicodeCategory.OtherNumber => Number,
                _ when c is '\r' or '\n' => LineBreak,
                _ when char.IsWhiteSpace(c) => Space,
                _ => Other,
            };
        }

        return classes;
    }
}
