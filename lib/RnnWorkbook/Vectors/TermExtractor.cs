using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RnnWorkbook.Vectors;

/// <summary>Receives the terms of one document, one span at a time (the span is only valid during the call).</summary>
internal interface ITermSink
{
    void Add(ReadOnlySpan<char> term);
}

/// <summary>
/// Turns a document into terms the way scikit-learn's analyzers do: lowercase, then word tokens and word
/// n-grams joined by a space, or character n-grams ("char", "char_wb"). The default token pattern
/// <c>\b\w\w+\b</c> matches exactly the maximal runs of two or more word characters, so it is scanned by
/// hand rather than by the regex engine (the tests check both give the same tokens).
/// </summary>
internal sealed class TermExtractor
{
    private readonly CountVectorizerOptions _options;
    private readonly Regex? _pattern;

    public TermExtractor(CountVectorizerOptions options)
    {
        _options = options;
        if (options.Analyzer == TermAnalyzer.Word && options.Tokenizer is null && options.TokenPattern != CountVectorizerOptions.DefaultTokenPattern)
        {
            try
            {
                // Python's (?u) flag (Unicode classes) is what .NET does anyway; .NET does not accept the flag itself.
                var pattern = options.TokenPattern.StartsWith("(?u)", StringComparison.Ordinal) ? options.TokenPattern[4..] : options.TokenPattern;
                _pattern = new Regex(pattern, RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"TokenPattern (token_pattern) '{options.TokenPattern}' is not a valid regular expression: {e.Message}", nameof(options), e);
            }
        }
    }

    /// <summary>Whether <paramref name="c"/> is a word character of .NET's <c>\w</c>: a letter, a non-spacing mark, a decimal digit or a connector.</summary>
    public static bool IsWordCharacter(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };

    /// <summary>The terms of <paramref name="document"/> as strings (for showing what is counted).</summary>
    public List<string> Terms(string document)
    {
        var sink = new ListSink();
        Extract(document, sink);
        return sink.Terms;
    }

    public void Extract(string document, ITermSink sink)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = _options.Lowercase ? document.ToLowerInvariant() : document;
        switch (_options.Analyzer)
        {
            case TermAnalyzer.Word:
                ExtractWords(text, sink);
                break;
            case TermAnalyzer.Char:
                ExtractCharacters(CollapseWhiteSpace(text), sink);
                break;
            default:
                ExtractCharactersInWords(text, sink);
                break;
        }
    }

    private void ExtractWords(string text, ITermSink sink)
    {
        if (_options.MinN == 1 && _options.MaxN == 1 && _options.Tokenizer is null)
        {
            if (_pattern is null)
                ScanDefaultTokens(text, sink);
            else
                foreach (var match in _pattern.EnumerateMatches(text))
                    sink.Add(text.AsSpan(match.Index, match.Length));
            return;
        }

        var tokens = Tokens(text);
        var joined = new StringBuilder();
        for (var n = _options.MinN; n <= _options.MaxN; n++)
        {
            for (var i = 0; i + n <= tokens.Count; i++)
            {
                if (n == 1)
                {
                    sink.Add(tokens[i]);
                    continue;
                }

                joined.Clear().Append(tokens[i]);
                for (var j = 1; j < n; j++)
                    joined.Append(' ').Append(tokens[i + j]);
                sink.Add(joined.ToString());
            }
        }
    }

    private List<string> Tokens(string text)
    {
        if (_options.Tokenizer is { } tokenizer)
            return tokenizer(text).Where(t => t.Length > 0).ToList();
        var sink = new ListSink();
        if (_pattern is null)
            ScanDefaultTokens(text, sink);
        else
            foreach (var match in _pattern.EnumerateMatches(text))
                sink.Add(text.AsSpan(match.Index, match.Length));
        return sink.Terms;
    }

    // \b\w\w+\b: every maximal run of word characters that is at least two long.
    private static void ScanDefaultTokens(string text, ITermSink sink)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordCharacter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordCharacter(text[i]))
                i++;
            if (i - start >= 2)
                sink.Add(text.AsSpan(start, i - start));
        }
    }

    private void ExtractCharacters(string text, ITermSink sink)
    {
        for (var n = _options.MinN; n <= Math.Min(_options.MaxN, text.Length); n++)
        {
            for (var i = 0; i + n <= text.Length; i++)
                sink.Add(text.AsSpan(i, n));
        }
    }

    // scikit-learn's _char_wb_ngrams: each word padded with one space on each side; a word shorter than n
    // gives its padded self once and stops the longer n-grams for that word.
    private void ExtractCharactersInWords(string text, ITermSink sink)
    {
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var padded = $" {word} ";
            for (var n = _options.MinN; n <= _options.MaxN; n++)
            {
                var offset = 0;
                sink.Add(padded.AsSpan(0, Math.Min(n, padded.Length)));
                while (offset + n < padded.Length)
                {
                    offset++;
                    sink.Add(padded.AsSpan(offset, Math.Min(n, padded.Length - offset)));
                }

                if (offset == 0)
                    break;
            }
        }
    }

    // scikit-learn replaces runs of two or more white-space characters by one space (a single one is kept as is).
    private static string CollapseWhiteSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))
            {
                while (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))
                    i++;
                builder.Append(' ');
                continue;
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    private sealed class ListSink : ITermSink
    {
        public List<string> Terms { get; } = [];

        public void Add(ReadOnlySpan<char> term) => Terms.Add(term.ToString());
    }
}
