using System.Globalization;
using System.Text;

namespace RnnWorkbook.Text.Tokenizers;

/// <summary>
/// An English-first word tokenizer following the Penn Treebank conventions: punctuation becomes its
/// own token and clitics are split off ("don't" → "do" "n't", "I'm" → "I" "'m", "we'll" → "we" "'ll",
/// "can't" → "ca" "n't", "cannot" → "can" "not").
/// </summary>
/// <remarks>
/// <para>Clitics that a corpus has already separated stay one token ("game 's" → "game" "'s").
/// Kept whole: words with inner hyphens ("state-of-the-art") and apostrophes ("O'Neil"),
/// numbers with inner separators ("3.14", "1,000", "10:30"), dotted initialisms and known
/// abbreviations with their period ("U.S.", "e.g.", "Mr."), runs of periods ("...") or hyphens ("--"),
/// placeholders written by the normalizer ("&lt;url&gt;", "&lt;unk&gt;") and WikiText's escaped
/// separators ("@-@", "@,@", "@.@"). Any other symbol is one token per grapheme cluster, so an emoji
/// sequence is never cut inside.</para>
/// <para>Unlike the Treebank scripts, quotes are not rewritten to <c>``</c> and <c>''</c>: every
/// token is the exact slice of the input at its offsets. Letters of every script count as word
/// characters, so Korean eojeol stay whole (their particles are split by
/// <see cref="Korean.KoreanParticleSplitter"/>); scripts written without spaces (Chinese, Japanese)
/// come out as one token per run, which needs a dictionary-based segmenter instead.</para>
/// </remarks>
public sealed class WordTokenizer : ITokenizer
{
    /// <inheritdoc/>
    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            int end = MatchPlaceholder(text, i);
            if (end > i)
            {
                tokens.Add(Token.Slice(text, i, end - i));
            }
            else if (WordCharLength(text, i) > 0)
            {
                end = ScanWord(text, i);
                AddWord(tokens, text, i, end);
            }
            else
            {
                end = AddPunctuation(tokens, text, i);
            }

            i = end;
        }

        return tokens;
    }

    /// <summary>Length in UTF-16 units of the word character at <paramref name="index"/>, or 0.</summary>
    private static int WordCharLength(string text, int index)
    {
        if (Rune.DecodeFromUtf16(text.AsSpan(index), out Rune rune, out int length) != System.Buffers.OperationStatus.Done)
        {
            return 0;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            >= UnicodeCategory.UppercaseLetter and <= UnicodeCategory.OtherNumber => length,
            UnicodeCategory.ConnectorPunctuation when rune.Value == '_' => length,
            _ => 0,
        };
    }

    private static int ScanWord(string text, int start)
    {
        int j = start;
        while (j < text.Length)
        {
            int length = WordCharLength(text, j);
            if (length > 0)
            {
                j += length;
                continue;
            }

            if (j + 1 >= text.Length || WordCharLength(text, j + 1) == 0 || !JoinsWord(text, start, j))
            {
                break;
            }

            j++;
        }

        if (j < text.Length && text[j] == '.')
        {
            ReadOnlySpan<char> word = text.AsSpan(start, j - start);
            if (EnglishAbbreviations.IsAbbreviation(word) || EnglishAbbreviations.IsInitialism(word))
            {
                j++;
            }
        }

        return j;
    }

    /// <summary>Whether the separator at <paramref name="j"/>, between two word characters, stays inside the word.</summary>
    private static bool JoinsWord(string text, int start, int j)
    {
        char previous = text[j - 1];
        char next = text[j + 1];
        return text[j] switch
        {
            '\'' or '\u2019' => char.IsLetterOrDigit(previous) && char.IsLetter(next),
            '-' => true,
            '.' when char.IsLetter(previous) => IsSingleLetterChain(text.AsSpan(start, j - start)) && IsLoneLetter(text, j + 1),
            '.' or ',' or ':' => char.IsDigit(previous) && char.IsDigit(next),
            _ => false,
        };
    }

    /// <summary>"e", "U.S", "e.g": single letters joined by periods.</summary>
    private static bool IsSingleLetterChain(ReadOnlySpan<char> word) =>
        (word.Length % 2 == 1 && EnglishAbbreviations.IsInitialism(word)) || (word.Length == 1 && char.IsLetter(word[0]));

    private static bool IsLoneLetter(string text, int index) =>
        char.IsLetter(text[index]) && (index + 1 == text.Length || WordCharLength(text, index + 1) == 0);

    private static void AddWord(List<Token> tokens, string text, int start, int end)
    {
        ReadOnlySpan<char> word = text.AsSpan(start, end - start);
        int split = WholeWordSplit(word);
        if (split > 0)
        {
            tokens.Add(Token.Slice(text, start, split));
            tokens.Add(Token.Slice(text, start + split, end - start - split));
            return;
        }

        // Clitics peel off from the right: "I'd've" → "I" "'d" "'ve".
        int insert = tokens.Count;
        int stemEnd = end;
        int cliticLength;
        while ((cliticLength = CliticLength(text.AsSpan(start, stemEnd - start))) > 0)
        {
            tokens.Insert(insert, Token.Slice(text, stemEnd - cliticLength, cliticLength));
            stemEnd -= cliticLength;
        }

        tokens.Insert(insert, Token.Slice(text, start, stemEnd - start));
    }

    /// <summary>Treebank splits of whole words: cannot → can|not, gonna → gon|na, gotta → got|ta, wanna → wan|na.</summary>
    private static int WholeWordSplit(ReadOnlySpan<char> word) =>
        word.Equals("cannot", StringComparison.OrdinalIgnoreCase)
        || word.Equals("gonna", StringComparison.OrdinalIgnoreCase)
        || word.Equals("gotta", StringComparison.OrdinalIgnoreCase)
        || word.Equals("wanna", StringComparison.OrdinalIgnoreCase) ? 3 : 0;

    #region Clitics
    /// <summary>Length of a clitic at the end of <paramref name="word"/> that leaves a non-empty stem, or 0.</summary>
    private static int CliticLength(ReadOnlySpan<char> word)
    {
        int n = word.Length;
        if (n >= 4 && word[^1] is 't' or 'T' && IsApostrophe(word[^2]) && word[^3] is 'n' or 'N')
        {
            return 3;
        }

        if (n >= 4 && IsApostrophe(word[^3]) && IsClitic(word[^2..], "ll", "re", "ve"))
        {
            return 3;
        }

        if (n >= 3 && IsApostrophe(word[^2]) && word[^1] is 's' or 'S' or 'm' or 'M' or 'd' or 'D')
        {
            return 2;
        }

        return 0;
    }

    private static bool IsClitic(ReadOnlySpan<char> tail, string a, string b, string c) =>
        tail.Equals(a, StringComparison.OrdinalIgnoreCase)
        || tail.Equals(b, StringComparison.OrdinalIgnoreCase)
        || tail.Equals(c, StringComparison.OrdinalIgnoreCase);

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';
    #endregion

    /// <summary>"&lt;url&gt;"-style placeholders and WikiText's "@-@" escapes; returns the end, or <paramref name="start"/>.</summary>
    private static int MatchPlaceholder(string text, int start)
    {
        if (text[start] == '@' && start + 2 < text.Length && text[start + 2] == '@' && text[start + 1] is '-' or ',' or '.')
        {
            return start + 3;
        }

        if (text[start] != '<')
        {
            return start;
        }

        int j = start + 1;
        while (j < text.Length && (char.IsAsciiLetter(text[j]) || text[j] == '_'))
        {
            j++;
        }

        return j > start + 1 && j < text.Length && text[j] == '>' ? j + 1 : start;
    }

    /// <summary>Adds one punctuation or symbol token starting at <paramref name="start"/> and returns its end.</summary>
    private static int AddPunctuation(List<Token> tokens, string text, int start)
    {
        char c = text[start];
        int end = start + 1;
        if (c is '.' or '-' or '`' || (c == '\'' && start + 1 < text.Length && text[start + 1] == '\''))
        {
            while (end < text.Length && text[end] == c)
            {
                end++;
            }

            // A lone period or hyphen is one token; runs ("...", "--", "``", "''") stay together.
            if (c is '.' && end - start == 2)
            {
                end = start + 1;
            }
        }
        else if (IsApostrophe(c) && ArchaicCliticLength(text, start) is > 0 and int length)
        {
            tokens.Add(Token.Slice(text, start, 2));
            tokens.Add(Token.Slice(text, start + 2, length - 2));
            return start + length;
        }
        else if (IsApostrophe(c) && StandaloneCliticLength(text, start) is > 0 and int clitic)
        {
            end = start + clitic;
        }
        else
        {
            end = start + StringInfo.GetNextTextElementLength(text.AsSpan(start));
        }

        tokens.Add(Token.Slice(text, start, end - start));
        return end;
    }

    /// <summary>
    /// A clitic already separated by a space, as in pre-tokenized corpora ("game 's", "they 're"):
    /// its length when one of 's 'm 'd 'll 're 've stands alone, or 0.
    /// </summary>
    private static int StandaloneCliticLength(string text, int start)
    {
        int end = start + 1;
        while (end < text.Length && char.IsAsciiLetter(text[end]) && end - start <= 2)
        {
            end++;
        }

        bool alone = end == text.Length || WordCharLength(text, end) == 0;
        ReadOnlySpan<char> letters = text.AsSpan(start + 1, end - start - 1);
        bool clitic = letters.Length == 1
            ? letters[0] is 's' or 'S' or 'm' or 'M' or 'd' or 'D'
            : IsClitic(letters, "ll", "re", "ve");
        return alone && clitic ? end - start : 0;
    }

    /// <summary>"'tis" and "'twas" split as "'t" "is" and "'t" "was"; returns the whole length, or 0.</summary>
    private static int ArchaicCliticLength(string text, int start)
    {
        foreach (string word in (ReadOnlySpan<string>)["tis", "twas"])
        {
            int end = start + 1 + word.Length;
            if (end <= text.Length
                && text.AsSpan(start + 1, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)
                && (end == text.Length || WordCharLength(text, end) == 0))
            {
                return word.Length + 1;
            }
        }

        return 0;
    }
}
