namespace RnnWorkbook.Text.Tokenizers;

/// <summary>
/// Splits running text into sentences with hand-written rules, for English and Korean.
/// Each token is one sentence without the white space around it.
/// </summary>
/// <remarks>
/// <para>A run of terminators (<c>. ? ! …</c> and their full-width forms) plus any closing quotes or
/// brackets ends a sentence when white space and then a character that is not a lowercase letter
/// follow, or at the end of the text. A blank line always ends a sentence.</para>
/// <para>A single period does not end a sentence after a title or short form that is almost never
/// final ("Mr.", "Dr.", "e.g.", "Fig."), after a capital initial ("J. K. Rowling"), after a list
/// number that opens the sentence ("1. First"), or inside a number ("3.14", since no space follows).
/// Korean endings such as "…다." and "…요." end a sentence by the general rule (Hangul has no case);
/// after a Hangul syllable the terminator ends the sentence even when the next Hangul follows with no
/// space ("했다.그리고"), as in chat text.</para>
/// <para>Rules cannot see that "U.S." ends the sentence in "He moved to the U.S. Then ..." but not in
/// "the U.S. Army"; statistical splitters (Punkt) learn such cases from abbreviation statistics.</para>
/// </remarks>
public sealed class SentenceSplitter : ITokenizer
{
    /// <inheritdoc/>
    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<Token>();
        int start = SkipWhiteSpace(text, 0);
        int i = start;
        while (i < text.Length)
        {
            if (IsTerminator(text[i]))
            {
                int runEnd = i;
                while (runEnd < text.Length && IsTerminator(text[runEnd]))
                {
                    runEnd++;
                }

                int end = runEnd;
                while (end < text.Length && IsCloser(text[end]))
                {
                    end++;
                }

                if (EndsSentence(text, start, i, runEnd, end))
                {
                    Add(sentences, text, start, end);
                    start = SkipWhiteSpace(text, end);
                    i = start;
                }
                else
                {
                    i = end;
                }
            }
            else if (text[i] == '\n' && BlankLineEnd(text, i) is int next and > 0)
            {
                Add(sentences, text, start, i);
                start = SkipWhiteSpace(text, next);
                i = start;
            }
            else
            {
                i++;
            }
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool EndsSentence(string text, int sentenceStart, int runStart, int runEnd, int end)
    {
        if (end == text.Length)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[end]))
        {
            return runStart > 0 && Korean.Hangul.IsSyllable(text[runStart - 1]) && Korean.Hangul.IsSyllable(text[end]);
        }

        int next = SkipWhiteSpace(text, end);
        if (next == text.Length)
        {
            return true;
        }

        if (char.IsLower(text[next]))
        {
            return false;
        }

        bool singlePeriod = runEnd - runStart == 1 && text[runStart] == '.';
        return !singlePeriod || !PeriodBelongsToWord(text, sentenceStart, runStart);
    }

    /// <summary>Whether the period at <paramref name="period"/> closes an abbreviation, an initial or a list number.</summary>
    private static bool PeriodBelongsToWord(string text, int sentenceStart, int period)
    {
        int wordStart = period;
        while (wordStart > sentenceStart && (char.IsLetterOrDigit(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        ReadOnlySpan<char> word = text.AsSpan(wordStart, period - wordStart);
        if (word.IsEmpty)
        {
            return false;
        }

        bool isListNumber = wordStart == sentenceStart && word.Length <= 3 && int.TryParse(word, out _);
        bool isInitial = word.Length == 1 && char.IsUpper(word[0]);
        return isListNumber || isInitial || EnglishAbbreviations.IsNeverFinal(word);
    }

    /// <summary>If a blank line starts at the newline <paramref name="newline"/>, the index after it; otherwise 0.</summary>
    private static int BlankLineEnd(string text, int newline)
    {
        for (int j = newline + 1; j < text.Length && char.IsWhiteSpace(text[j]); j++)
        {
            if (text[j] == '\n')
            {
                return j + 1;
            }
        }

        return 0;
    }

    private static void Add(List<Token> sentences, string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(Token.Slice(text, start, end - start));
        }
    }

    private static int SkipWhiteSpace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return index;
    }

    private static bool IsTerminator(char c) => c is '.' or '?' or '!' or '\u2026' or '\u203D' or '\u3002' or '\uFF0E' or '\uFF1F' or '\uFF01';

    private static bool IsCloser(char c) =>
        c is '"' or '\'' or '\u2019' or '\u201D' or ')' or ']' or '}' or '\u00BB' or '\u300D' or '\u300F' or '\u3009' or '\u300B' or '\uFF09';
}
