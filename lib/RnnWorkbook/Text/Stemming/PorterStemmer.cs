namespace RnnWorkbook.Text.Stemming;

/// <summary>
/// The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", Program 14(3), 1980),
/// giving the same output as Martin Porter's own ANSI C implementation (porter.c on tartarus.org).
/// </summary>
/// <remarks>
/// <para>A word is read as [C](VC)^m[V], where C is a run of consonants and V a run of vowels
/// ('y' is a vowel after a consonant); the measure m decides whether a suffix may go. Five steps
/// then rewrite suffixes: 1ab plurals and -ed/-ing (caresses → caress, ponies → poni, hopping → hop,
/// filing → file), 1c y → i (happy → happi), 2 double suffixes (relational → relate,
/// digitizer → digitize), 3 -ic-, -ful, -ness (hopeful → hope), 4 single suffixes in long words
/// (adjustable → adjust), 5 a final -e and -ll (probate → probat, controll → control).</para>
/// <para>Like the reference, and unlike the paper: step 2 maps -bli to -ble (not -abli to -able) and
/// has the extra rule -logi → -log; words of one or two letters are returned unchanged.</para>
/// <para>Input is lowercased (invariant culture) first. The algorithm is defined over the letters
/// a–z; a word containing anything else (digits, apostrophes, accents, Hangul) is returned
/// lowercased but otherwise unchanged. Stems are not words: "happi", "relat" and "gener" are
/// what the algorithm gives, and they are only useful as keys that group related words.</para>
/// </remarks>
public sealed class PorterStemmer
{
    /// <summary>Returns the Porter stem of <paramref name="word"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="word"/> is null.</exception>
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        string lower = word.ToLowerInvariant();
        if (lower.Length <= 2 || !IsAsciiLowercase(lower))
        {
            return lower;
        }

        var state = new PorterState(lower);
        state.Step1ab();
        state.Step1c();
        state.Step2();
        state.Step3();
        state.Step4();
        state.Step5();
        return state.Result;
    }

    private static bool IsAsciiLowercase(string word)
    {
        foreach (char c in word)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }
}
