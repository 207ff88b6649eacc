using RnnWorkbook.Text.Stemming;

namespace RnnWorkbook.Tests.Text;

public class PorterStemmerTests
{
    private readonly PorterStemmer _stemmer = new();

    /// <summary>
    /// Word → stem pairs worked out by hand through the reference implementation's steps
    /// (porter.c: step1ab, 1c, 2 with the bli and logi departures, 3, 4, 5).
    /// </summary>
    public static TheoryData<string, string> Pairs => new()
    {
        // Step 1a: plurals.
        { "caresses", "caress" }, { "ponies", "poni" }, { "ties", "ti" }, { "caress", "caress" }, { "cats", "cat" },
        { "was", "wa" }, { "this", "thi" }, { "his", "hi" }, { "bus", "bu" }, { "news", "new" }, { "goes", "goe" },
        { "dogs", "dog" }, { "cars", "car" }, { "runs", "run" },

        // Step 1b: -eed, -ed, -ing, with e restored or a double consonant undone.
        { "feed", "feed" }, { "agreed", "agre" }, { "plastered", "plaster" }, { "bled", "bled" },
        { "motoring", "motor" }, { "sing", "sing" }, { "conflated", "conflat" }, { "troubled", "troubl" },
        { "sized", "size" }, { "hopping", "hop" }, { "tanned", "tan" }, { "falling", "fall" },
        { "hissing", "hiss" }, { "fizzed", "fizz" }, { "failing", "fail" }, { "filing", "file" },
        { "running", "run" }, { "meetings", "meet" }, { "mating", "mate" }, { "matting", "mat" },
        { "milling", "mill" }, { "messing", "mess" }, { "disabled", "disabl" }, { "loving", "love" },
        { "stemming", "stem" }, { "stemmed", "stem" }, { "writing", "write" }, { "going", "go" },
        { "cried", "cri" }, { "cries", "cri" }, { "tried", "tri" }, { "argued", "argu" },
        { "nothing", "noth" }, { "something", "someth" }, { "feeling", "feel" }, { "feelings", "feel" },
        { "played", "plai" }, { "playing", "plai" }, { "cooking", "cook" }, { "marketing", "market" },
        { "sizes", "size" }, { "leaves", "leav" },

        // Step 1c: y → i after a vowel in the stem.
        { "happy", "happi" }, { "sky", "sky" }, { "crying", "cry" }, { "trying", "try" }, { "studies", "studi" },
        { "studying", "studi" }, { "beauty", "beauti" }, { "quickly", "quickli" }, { "fully", "fulli" },
        { "hopefully", "hopefulli" }, { "revolutionary", "revolutionari" },

        // Step 2: double suffixes (m > 0), including the reference's -bli → -ble and -logi → -log.
        { "relational", "relat" }, { "conditional", "condit" }, { "rational", "ration" }, { "valenci", "valenc" },
        { "hesitanci", "hesit" }, { "digitizer", "digit" }, { "conformabli", "conform" }, { "radicalli", "radic" },
        { "differentli", "differ" }, { "vileli", "vile" }, { "analogousli", "analog" },
        { "vietnamization", "vietnam" }, { "predication", "predic" }, { "operator", "oper" },
        { "feudalism", "feudal" }, { "decisiveness", "decis" }, { "hopefulness", "hope" },
        { "callousness", "callous" }, { "formaliti", "formal" }, { "sensitiviti", "sensit" },
        { "sensibiliti", "sensibl" }, { "sensibility", "sensibl" }, { "probably", "probabl" },
        { "possibly", "possibl" }, { "visibly", "visibl" }, { "analogy", "analog" }, { "archaeology", "archaeolog" },
        { "biology", "biologi" }, { "theology", "theologi" }, { "nationally", "nation" },
        { "effectively", "effect" }, { "lovely", "love" }, { "differently", "differ" },
        { "generation", "gener" }, { "nationalization", "nation" }, { "organization", "organ" },
        { "computational", "comput" }, { "sensational", "sensat" }, { "traditional", "tradit" },
        { "emotional", "emot" }, { "abilities", "abil" }, { "ability", "abil" }, { "relativity", "rel" },

        // Step 3: -icate, -ative, -alize, -iciti, -ical, -ful, -ness.
        { "triplicate", "triplic" }, { "formative", "form" }, { "formalize", "formal" },
        { "electriciti", "electr" }, { "electrical", "electr" }, { "hopeful", "hope" }, { "goodness", "good" },
        { "happiness", "happi" }, { "beautiful", "beauti" }, { "logical", "logic" },

        // Step 4: single suffixes (m > 1).
        { "revival", "reviv" }, { "allowance", "allow" }, { "inference", "infer" }, { "airliner", "airlin" },
        { "gyroscopic", "gyroscop" }, { "adjustable", "adjust" }, { "defensible", "defens" },
        { "irritant", "irrit" }, { "replacement", "replac" }, { "adjustment", "adjust" }, { "dependent", "depend" },
        { "adoption", "adopt" }, { "homologou", "homolog" }, { "communism", "commun" }, { "activate", "activ" },
        { "angulariti", "angular" }, { "homologous", "homolog" }, { "effective", "effect" },
        { "bowdlerize", "bowdler" }, { "generate", "gener" }, { "generous", "gener" }, { "connection", "connect" },
        { "connections", "connect" }, { "connected", "connect" }, { "connecting", "connect" },
        { "conditioning", "condit" }, { "argument", "argument" }, { "agreement", "agreement" },
        { "excitement", "excit" }, { "universal", "univers" }, { "university", "univers" },
        { "computer", "comput" }, { "computing", "comput" }, { "stemmer", "stemmer" }, { "dangerous", "danger" },
        { "revolution", "revolut" }, { "difference", "differ" }, { "different", "differ" },
        { "important", "import" }, { "importance", "import" }, { "engineering", "engin" }, { "abundant", "abund" },
        { "apologized", "apolog" }, { "conclusion", "conclus" }, { "division", "divis" }, { "relate", "relat" },
        { "written", "written" }, { "children", "children" }, { "friendship", "friendship" },

        // Step 5: final -e and -ll.
        { "probate", "probat" }, { "rate", "rate" }, { "cease", "ceas" }, { "controll", "control" },
        { "roll", "roll" }, { "knowledge", "knowledg" }, { "language", "languag" }, { "agreeable", "agreeabl" },

        // Several steps in a row.
        { "generalizations", "gener" }, { "oscillators", "oscil" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Stems_like_the_reference_implementation(string word, string stem) =>
        Assert.Equal(stem, _stemmer.Stem(word));

    [Fact]
    public void The_list_has_at_least_a_hundred_distinct_words() =>
        Assert.True(Pairs.Select(row => (string)row[0]).Distinct().Count() >= 100);

    [Theory]
    [InlineData("is", "is")]
    [InlineData("a", "a")]
    [InlineData("", "")]
    public void Words_of_one_or_two_letters_are_unchanged(string word, string stem) =>
        Assert.Equal(stem, _stemmer.Stem(word));

    [Theory]
    [InlineData("Running", "run")]
    [InlineData("CONNECTIONS", "connect")]
    public void Input_is_lowercased_first(string word, string stem) => Assert.Equal(stem, _stemmer.Stem(word));

    [Theory]
    [InlineData("don't", "don't")]
    [InlineData("mp3s", "mp3s")]
    [InlineData("naïve", "naïve")]
    [InlineData("먹었다", "먹었다")]
    [InlineData("Ünïcode", "ünïcode")]
    public void Words_outside_a_to_z_are_only_lowercased(string word, string stem) =>
        Assert.Equal(stem, _stemmer.Stem(word));

    [Fact]
    public void Null_is_rejected() => Assert.Throws<ArgumentNullException>(() => _stemmer.Stem(null!));
}
