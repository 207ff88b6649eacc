namespace RnnWorkbook.Text.Lemmatization;

/// <summary>An optional hint for <see cref="EnglishLemmatizer"/>: which word class to read a word as.</summary>
public enum PartOfSpeech
{
    /// <summary>No hint: a word that is already a base form stays as it is; otherwise noun, verb, then adjective readings are tried.</summary>
    Unknown,

    /// <summary>Read as a noun: only plural rules and irregular plurals apply ("leaves" → "leaf").</summary>
    Noun,

    /// <summary>Read as a verb: -s, -ed, -ing rules and irregular verb forms apply ("leaves" → "leave", "left" → "leave").</summary>
    Verb,

    /// <summary>Read as an adjective: comparative and superlative rules apply ("better" → "good", "bigger" → "big").</summary>
    Adjective,
}
