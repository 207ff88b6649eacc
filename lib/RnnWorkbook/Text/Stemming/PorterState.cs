namespace RnnWorkbook.Text.Stemming;

/// <summary>
/// The working buffer of one <see cref="PorterStemmer"/> run: the word in <c>_b</c>, its current end
/// <c>_k</c> (inclusive) and the end <c>_j</c> of the stem before the suffix last matched by
/// <see cref="Ends"/>. Names follow the reference implementation so the two can be read side by side.
/// </summary>
internal sealed class PorterState
{
    private readonly char[] _b;
    private int _k;
    private int _j;

    public PorterState(string word)
    {
        _b = word.ToCharArray();
        _k = _b.Length - 1;
    }

    public string Result => new(_b, 0, _k + 1);

    /// <summary>Step 1ab: plurals, then -eed, -ed and -ing (with e restored or a double consonant undone).</summary>
    public void Step1ab()
    {
        if (_b[_k] == 's')
        {
            if (Ends("sses"))
            {
                _k -= 2;
            }
            else if (Ends("ies"))
            {
                SetTo("i");
            }
            else if (_b[_k - 1] != 's')
            {
                _k--;
            }
        }

        if (Ends("eed"))
        {
            if (Measure() > 0)
            {
                _k--;
            }
        }
        else if ((Ends("ed") || Ends("ing")) && VowelInStem())
        {
            _k = _j;
            if (Ends("at"))
            {
                SetTo("ate");
            }
            else if (Ends("bl"))
            {
                SetTo("ble");
            }
            else if (Ends("iz"))
            {
                SetTo("ize");
            }
            else if (DoubleConsonant(_k))
            {
                if (_b[_k] is not ('l' or 's' or 'z'))
                {
                    _k--;
                }
            }
            else if (Measure() == 1 && Cvc(_k))
            {
                SetTo("e");
            }
        }
    }

    /// <summary>Step 1c: a final y becomes i when the stem has a vowel.</summary>
    public void Step1c()
    {
        if (Ends("y") && VowelInStem())
        {
            _b[_k] = 'i';
        }
    }

    /// <summary>Step 2: double suffixes to single ones when m &gt; 0 (-ization → -ize, -fulness → -ful).</summary>
    public void Step2()
    {
        if (_k < 1)
        {
            return;
        }

        switch (_b[_k - 1])
        {
            case 'a':
                _ = Replace("ational", "ate") || Replace("tional", "tion");
                break;
            case 'c':
                _ = Replace("enci", "ence") || Replace("anci", "ance");
                break;
            case 'e':
                _ = Replace("izer", "ize");
                break;
            case 'l':
                _ = Replace("bli", "ble") || Replace("alli", "al") || Replace("entli", "ent")
                    || Replace("eli", "e") || Replace("ousli", "ous");
                break;
            case 'o':
                _ = Replace("ization", "ize") || Replace("ation", "ate") || Replace("ator", "ate");
                break;
            case 's':
                _ = Replace("alism", "al") || Replace("iveness", "ive") || Replace("fulness", "ful")
                    || Replace("ousness", "ous");
                break;
            case 't':
                _ = Replace("aliti", "al") || Replace("iviti", "ive") || Replace("biliti", "ble");
                break;
            case 'g':
                _ = Replace("logi", "log");
                break;
        }
    }

    /// <summary>Step 3: -icate, -ative, -alize, -iciti, -ical, -ful, -ness when m &gt; 0.</summary>
    public void Step3()
    {
        switch (_b[_k])
        {
            case 'e':
                _ = Replace("icate", "ic") || Replace("ative", "") || Replace("alize", "al");
                break;
            case 'i':
                _ = Replace("iciti", "ic");
                break;
            case 'l':
                _ = Replace("ical", "ic") || Replace("ful", "");
                break;
            case 's':
                _ = Replace("ness", "");
                break;
        }
    }

    /// <summary>Step 4: removes -al, -ance, -er, -ic, -able, -ant, -ment, -ion (after s or t), -ous, ... when m &gt; 1.</summary>
    public void Step4()
    {
        if (_k < 1)
        {
            return;
        }

        bool matched = _b[_k - 1] switch
        {
            'a' => Ends("al"),
            'c' => Ends("ance") || Ends("ence"),
            'e' => Ends("er"),
            'i' => Ends("ic"),
            'l' => Ends("able") || Ends("ible"),
            'n' => Ends("ant") || Ends("ement") || Ends("ment") || Ends("ent"),
            'o' => (Ends("ion") && _j >= 0 && _b[_j] is 's' or 't') || Ends("ou"),
            's' => Ends("ism"),
            't' => Ends("ate") || Ends("iti"),
            'u' => Ends("ous"),
            'v' => Ends("ive"),
            'z' => Ends("ize"),
            _ => false,
        };

        if (matched && Measure() > 1)
        {
            _k = _j;
        }
    }

    /// <summary>Step 5: removes a final -e when m &gt; 1 (or m = 1 and not *o), and -ll → -l when m &gt; 1.</summary>
    public void Step5()
    {
        _j = _k;
        if (_b[_k] == 'e')
        {
            int m = Measure();
            if (m > 1 || (m == 1 && !Cvc(_k - 1)))
            {
                _k--;
            }
        }

        if (_b[_k] == 'l' && DoubleConsonant(_k) && Measure() > 1)
        {
            _k--;
        }
    }

    /// <summary>True when <c>_b[i]</c> is a consonant: not a, e, i, o, u, and not a 'y' after a consonant.</summary>
    private bool IsConsonant(int i) => _b[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => false,
        'y' => i == 0 || !IsConsonant(i - 1),
        _ => true,
    };

    /// <summary>The measure m of <c>_b[0.._j]</c>: the number of VC sequences in [C](VC)^m[V].</summary>
    private int Measure()
    {
        int n = 0;
        int i = 0;
        while (i <= _j && IsConsonant(i))
        {
            i++;
        }

        while (true)
        {
            while (i <= _j && !IsConsonant(i))
            {
                i++;
            }

            if (i > _j)
            {
                return n;
            }

            while (i <= _j && IsConsonant(i))
            {
                i++;
            }

            n++;
            if (i > _j)
            {
                return n;
            }
        }
    }

    /// <summary>True when <c>_b[0.._j]</c> contains a vowel.</summary>
    private bool VowelInStem()
    {
        for (int i = 0; i <= _j; i++)
        {
            if (!IsConsonant(i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <c>_b[i-1]</c> and <c>_b[i]</c> are the same consonant.</summary>
    private bool DoubleConsonant(int i) => i >= 1 && _b[i] == _b[i - 1] && IsConsonant(i);

    /// <summary>
    /// True when <c>_b[i-2..i]</c> is consonant–vowel–consonant and the last is not w, x or y
    /// (the *o condition: hop(e), cav(e), but not snow, box, tray).
    /// </summary>
    private bool Cvc(int i) =>
        i >= 2 && IsConsonant(i) && !IsConsonant(i - 1) && IsConsonant(i - 2) && _b[i] is not ('w' or 'x' or 'y');

    /// <summary>True when <c>_b[0.._k]</c> ends with <paramref name="suffix"/>; then <c>_j</c> marks the stem's end.</summary>
    private bool Ends(string suffix)
    {
        int length = suffix.Length;
        if (length > _k + 1 || !_b.AsSpan(_k - length + 1, length).SequenceEqual(suffix))
        {
            return false;
        }

        _j = _k - length;
        return true;
    }

    /// <summary>Replaces <c>_b[_j+1.._k]</c> with <paramref name="replacement"/>.</summary>
    private void SetTo(string replacement)
    {
        replacement.CopyTo(0, _b, _j + 1, replacement.Length);
        _k = _j + replacement.Length;
    }

    /// <summary>
    /// When the word ends with <paramref name="suffix"/>, replaces it by <paramref name="replacement"/>
    /// if m &gt; 0, and reports the match either way (a matched suffix ends the step's search).
    /// </summary>
    private bool Replace(string suffix, string replacement)
    {
        if (!Ends(suffix))
        {
            return false;
        }

        if (Measure() > 0)
        {
            SetTo(replacement);
        }

        return true;
    }
}
