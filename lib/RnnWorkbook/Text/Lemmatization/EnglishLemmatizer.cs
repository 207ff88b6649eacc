namespace RnnWorkbook.Text.Lemmatization;

/// <summary>
/// Dictionary-based English lemmatization: maps an inflected word to its base form
/// ("went" → "go", "children" → "child", "hopping" → "hop", "hoping" → "hope", "happier" → "happy").
/// </summary>
/// <remarks>
/// <para>Irregular forms come from tables (about 250 verb forms, 90 nouns, the irregular comparatives).
/// Regular forms go through rules: plural -s/-es/-ies/-ves, verb -s/-ed/-ing with consonant doubling
/// (stopped → stop) and silent e (making → make), comparative and superlative -er/-est/-ier/-iest.
/// A rule's result is accepted only when a base-word list of the right class contains it, so rules
/// never invent words: "this" stays "this", "news" stays "news", "thing" stays "thing".
/// Between two listed candidates English spelling decides: an undoubled consonant after a short
/// vowel means a silent e was dropped (hoping → hope), a doubled one that it was doubled (hopping → hop).</para>
/// <para>Without a part-of-speech hint a word that is itself a listed base form stays as it is
/// ("meeting", "left"), and otherwise the noun, verb and adjective readings are tried in that order
/// ("leaves" → "leaf"). With <see cref="PartOfSpeech.Verb"/> irregular verb forms come first
/// ("left" → "leave", "found" → "find", "lay" → "lie").</para>
/// <para>Input is lowercased with the invariant culture and the lemma is returned in lowercase.
/// A word the lists cannot place is returned lowercased and otherwise unchanged: the quality of a
/// dictionary lemmatizer is the size of its dictionary (WordNet has 155,000 words; the built-in lists
/// have about 2,500, and callers can add more).</para>
/// </remarks>
public sealed class EnglishLemmatizer
{
    private readonly HashSet<string> _verbs = EnglishBaseWords.Verbs();
    private readonly HashSet<string> _nouns = EnglishBaseWords.Nouns();
    private readonly HashSet<string> _adjectives = EnglishBaseWords.Adjectives();

    /// <summary>Creates a lemmatizer with the built-in word lists, extended by any words given.</summary>
    /// <param name="extraVerbs">More verb base forms the rules may produce.</param>
    /// <param name="extraNouns">More singular nouns.</param>
    /// <param name="extraAdjectives">More adjective base forms.</param>
    /// <exception cref="ArgumentException">A given word is null or empty.</exception>
    public EnglishLemmatizer(IEnumerable<string>? extraVerbs = null, IEnumerable<string>? extraNouns = null, IEnumerable<string>? extraAdjectives = null)
    {
        AddAll(_verbs, extraVerbs, nameof(extraVerbs));
        AddAll(_nouns, extraNouns, nameof(extraNouns));
        AddAll(_adjectives, extraAdjectives, nameof(extraAdjectives));
    }

    /// <summary>Returns the lemma of <paramref name="word"/>, read as <paramref name="partOfSpeech"/> when given.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="word"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partOfSpeech"/> is not a defined value.</exception>
    public string Lemmatize(string word, PartOfSpeech partOfSpeech = PartOfSpeech.Unknown)
    {
        ArgumentNullException.ThrowIfNull(word);
        string lower = word.ToLowerInvariant();
        return partOfSpeech switch
        {
            PartOfSpeech.Noun => Noun(lower) ?? lower,
            PartOfSpeech.Verb => Verb(lower) ?? lower,
            PartOfSpeech.Adjective => Adjective(lower) ?? lower,
            PartOfSpeech.Unknown => IsBase(lower) ? lower : Noun(lower) ?? Verb(lower) ?? Adjective(lower) ?? lower,
            _ => throw new ArgumentOutOfRangeException(nameof(partOfSpeech), partOfSpeech, "Unknown part of speech."),
        };
    }

    /// <summary>True when <paramref name="word"/> (lowercase) is a listed base form of any class.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="word"/> is null.</exception>
    public bool IsBase(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _verbs.Contains(word) || _nouns.Contains(word) || _adjectives.Contains(word);
    }

    private string? Noun(string word)
    {
        if (IrregularEnglish.Nouns.TryGetValue(word, out string? singular))
        {
            return singular;
        }

        if (_nouns.Contains(word))
        {
            return word;
        }

        if (word.EndsWith("men", StringComparison.Ordinal) && Listed(_nouns, word[..^3] + "man") is { } man)
        {
            return man;
        }

        if (word.Length < 3 || word[^1] != 's' || word.EndsWith("ss", StringComparison.Ordinal))
        {
            return null;
        }

        return PluralCandidates(word, _nouns);
    }

    private string? Verb(string word)
    {
        if (IrregularEnglish.Verbs.TryGetValue(word, out string? lemma))
        {
            return lemma;
        }

        if (_verbs.Contains(word))
        {
            return word;
        }

        if (word.Length >= 3 && word[^1] == 's' && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return PluralCandidates(word, _verbs);
        }

        if (word.Length >= 4 && word.EndsWith("ied", StringComparison.Ordinal) && Listed(_verbs, word[..^3] + "y") is { } y)
        {
            return y;
        }

        if (word.Length >= 5 && word.EndsWith("ying", StringComparison.Ordinal) && Listed(_verbs, word[..^4] + "ie") is { } ie)
        {
            return ie;
        }

        if (word.Length >= 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            return SuffixCandidates(word[..^2], _verbs);
        }

        if (word.Length >= 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return SuffixCandidates(word[..^3], _verbs);
        }

        return null;
    }

    private string? Adjective(string word)
    {
        if (IrregularEnglish.Adjectives.TryGetValue(word, out string? lemma))
        {
            return lemma;
        }

        if (_adjectives.Contains(word))
        {
            return word;
        }

        foreach ((string suffix, int cut) in (ReadOnlySpan<(string, int)>)[("iest", 4), ("ier", 3)])
        {
            if (word.Length > cut + 1 && word.EndsWith(suffix, StringComparison.Ordinal) && Listed(_adjectives, word[..^cut] + "y") is { } y)
            {
                return y;
            }
        }

        if (word.Length >= 5 && word.EndsWith("est", StringComparison.Ordinal))
        {
            return SuffixCandidates(word[..^3], _adjectives);
        }

        if (word.Length >= 4 && word.EndsWith("er", StringComparison.Ordinal))
        {
            return SuffixCandidates(word[..^2], _adjectives);
        }

        return null;
    }

    /// <summary>-s, -es, -ies, -ves: "cities" → city, "ties" → tie, "boxes" → box, "houses" → house, "wolves" → wolf.</summary>
    private static string? PluralCandidates(string word, HashSet<string> words)
    {
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4 && Listed(words, word[..^3] + "y") is { } y)
        {
            return y;
        }

        if (word.EndsWith("ves", StringComparison.Ordinal)
            && (Listed(words, word[..^3] + "f") ?? Listed(words, word[..^3] + "fe")) is { } f)
        {
            return f;
        }

        if (word.EndsWith("es", StringComparison.Ordinal))
        {
            string stem = word[..^2];
            bool sibilant = stem.EndsWith('s') || stem.EndsWith('x') || stem.EndsWith('z') || stem.EndsWith("ch", StringComparison.Ordinal)
                || stem.EndsWith("sh", StringComparison.Ordinal) || stem.EndsWith('o');
            string? found = sibilant
                ? Listed(words, stem) ?? Listed(words, word[..^1]) ?? Undoubled(stem, words)
                : Listed(words, word[..^1]) ?? Listed(words, stem);
            if (found is not null)
            {
                return found;
            }
        }

        return word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal)
            ? null
            : Listed(words, word[..^1]);
    }

    /// <summary>
    /// The base before -ed, -ing, -er or -est: "stopp" → stop, "hop" → hope or hop, "mak" → make, "walk" → walk.
    /// </summary>
    private static string? SuffixCandidates(string stem, HashSet<string> words)
    {
        if (stem.Length == 0)
        {
            return null;
        }

        if (IsDoubledConsonant(stem))
        {
            return Undoubled(stem, words) ?? Listed(words, stem);
        }

        // An undoubled consonant after a single short vowel (hop-ing) means the base had a silent e.
        return EndsConsonantVowelConsonant(stem)
            ? Listed(words, stem + "e") ?? Listed(words, stem)
            : Listed(words, stem) ?? Listed(words, stem + "e");
    }

    private static string? Undoubled(string stem, HashSet<string> words) =>
        IsDoubledConsonant(stem) ? Listed(words, stem[..^1]) : null;

    private static string? Listed(HashSet<string> words, string candidate) =>
        candidate.Length > 0 && words.Contains(candidate) ? candidate : null;

    private static bool IsDoubledConsonant(string stem) =>
        stem.Length >= 2 && stem[^1] == stem[^2] && !IsVowel(stem[^1]);

    private static bool EndsConsonantVowelConsonant(string stem) =>
        stem.Length >= 3 && !IsVowel(stem[^1]) && IsVowel(stem[^2]) && !IsVowel(stem[^3]) && stem[^1] is not ('w' or 'x' or 'y');

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static void AddAll(HashSet<string> words, IEnumerable<string>? extra, string parameterName)
    {
        foreach (string word in extra ?? [])
        {
            if (string.IsNullOrEmpty(word))
            {
                throw new ArgumentException("Word lists must not contain null or empty words.", parameterName);
            }

            words.Add(word.ToLowerInvariant());
        }
    }
}
