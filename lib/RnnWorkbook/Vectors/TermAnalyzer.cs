namespace RnnWorkbook.Vectors;

/// <summary>What a vectorizer counts, as scikit-learn's <c>analyzer</c> option names it.</summary>
public enum TermAnalyzer
{
    /// <summary>Words found by the token pattern (or a custom tokenizer), then word n-grams ("word").</summary>
    Word,

    /// <summary>Character n-grams over the whole text, runs of white space collapsed to one space ("char").</summary>
    Char,

    /// <summary>Character n-grams inside each word padded with a space on both sides ("char_wb").</summary>
    CharWordBounded,
}
