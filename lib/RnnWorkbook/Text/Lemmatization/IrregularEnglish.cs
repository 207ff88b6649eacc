namespace RnnWorkbook.Text.Lemmatization;

/// <summary>
/// Irregular English inflections, written as tables: each line is a base form followed by its
/// irregular forms. About 200 verbs (including the early modern forms of Shakespeare's plays: hath,
/// doth, art, wast), 90 nouns and the irregular comparatives.
/// </summary>
internal static class IrregularEnglish
{
    private const string VerbTable = """
        be am is are was were been being art wast wert
        have has had having hath hast hadst
        do does did done doing doth dost didst
        go goes went gone
        say says said saith
        make made
        arise arose arisen
        awake awoke awoken
        bear bore borne born
        beat beaten
        become became
        begin began begun
        behold beheld
        bend bent
        beseech besought
        bet
        bid bade bidden
        bind bound
        bite bit bitten
        bleed bled
        blow blew blown
        break broke broken
        breed bred
        bring brought
        build built
        burn burnt
        burst
        buy bought
        cast
        catch caught
        choose chose chosen
        cling clung
        come came
        cost
        creep crept
        cut
        deal dealt
        dig dug
        dive dove
        draw drew drawn
        dream dreamt
        drink drank drunk
        drive drove driven
        dwell dwelt
        eat ate eaten
        fall fell fallen
        feed fed
        feel felt
        fight fought
        find found
        flee fled
        fling flung
        fly flew flown
        forbid forbade forbidden
        forget forgot forgotten
        forgive forgave forgiven
        forsake forsook forsaken
        foresee foresaw foreseen
        freeze froze frozen
        get got gotten
        give gave given
        grind ground
        grow grew grown
        hang hung
        hear heard
        hide hid hidden
        hit
        hold held
        hurt
        keep kept
        kneel knelt
        know knew known
        lay laid
        lead led
        lean leant
        leap leapt
        learn learnt
        leave left
        lend lent
        let
        lie lay lain
        light lit
        lose lost
        mean meant
        meet met
        mislead misled
        mistake mistook mistaken
        misunderstand misunderstood
        outdo outdid outdone
        overcome overcame
        overtake overtook overtaken
        overthrow overthrew overthrown
        oversee oversaw overseen
        pay paid
        prove proven
        put
        quit
        read
        rebuild rebuilt
        redo redid redone
        rend rent
        rid
        ride rode ridden
        ring rang rung
        rise rose risen
        run ran
        rewrite rewrote rewritten
        see saw seen
        seek sought
        sell sold
        send sent
        set
        sew sewn
        shake shook shaken
        shed
        shine shone
        shoot shot
        show shown
        shrink shrank shrunk
        shut
        sing sang sung
        sink sank sunk
        sit sat
        slay slew slain
        sleep slept
        slide slid
        sling slung
        slit
        smell smelt
        smite smote smitten
        speak spoke spoken spake
        speed sped
        spell spelt
        spend spent
        spill spilt
        spin spun
        spit spat
        split
        spoil spoilt
        spread
        spring sprang sprung
        stand stood
        steal stole stolen
        stick stuck
        sting stung
        stink stank stunk
        stride strode stridden
        strike struck stricken
        string strung
        strive strove striven
        swear swore sworn
        sweep swept
        swell swollen
        swim swam swum
        swing swung
        take took taken
        teach taught
        tear tore torn
        tell told
        think thought
        thrive throve thriven
        throw threw thrown
        thrust
        tread trod trodden
        undergo underwent undergone
        understand understood
        undertake undertook undertaken
        undo undid undone
        upset
        uphold upheld
        wake woke woken
        wear wore worn
        weave wove woven
        weep wept
        win won
        wind wound
        withdraw withdrew withdrawn
        withhold withheld
        withstand withstood
        wring wrung
        write wrote written writ
        """;

    private const string NounTable = """
        child children
        man men
        woman women
        person people
        mouse mice
        louse lice
        goose geese
        foot feet
        tooth teeth
        ox oxen
        die dice
        penny pence
        brother brethren
        analysis analyses
        axis axes
        basis bases
        crisis crises
        diagnosis diagnoses
        hypothesis hypotheses
        oasis oases
        parenthesis parentheses
        synopsis synopses
        thesis theses
        criterion criteria
        phenomenon phenomena
        automaton automata
        cactus cacti
        fungus fungi
        nucleus nuclei
        radius radii
        stimulus stimuli
        syllabus syllabi
        alumnus alumni
        focus foci
        bacterium bacteria
        curriculum curricula
        medium media
        memorandum memoranda
        stratum strata
        symposium symposia
        appendix appendices
        index indices
        matrix matrices
        vertex vertices
        apex apices
        knife knives
        wife wives
        life lives
        leaf leaves
        wolf wolves
        half halves
        calf calves
        shelf shelves
        self selves
        elf elves
        loaf loaves
        thief thieves
        sheaf sheaves
        scarf scarves
        wharf wharves
        hoof hooves
        sheep
        fish
        deer
        moose
        swine
        series
        species
        aircraft
        spacecraft
        offspring
        headquarters
        means
        news
        """;

    private const string AdjectiveTable = """
        good better best
        bad worse worst
        ill worse worst
        far farther farthest further furthest
        little less least
        much more most
        many more most
        old elder eldest
        """;

    /// <summary>Irregular verb form → base: "went" → "go", "hath" → "have".</summary>
    public static IReadOnlyDictionary<string, string> Verbs { get; } = Parse(VerbTable);

    /// <summary>Irregular plural → singular: "children" → "child"; zero plurals map to themselves.</summary>
    public static IReadOnlyDictionary<string, string> Nouns { get; } = Parse(NounTable);

    /// <summary>Irregular comparative or superlative → base: "better" → "good".</summary>
    public static IReadOnlyDictionary<string, string> Adjectives { get; } = Parse(AdjectiveTable);

    /// <summary>The base forms of the verb table, so the base-word list includes them.</summary>
    public static IEnumerable<string> VerbBases => BaseForms(VerbTable);

    /// <summary>The base forms of the noun table.</summary>
    public static IEnumerable<string> NounBases => BaseForms(NounTable);

    /// <summary>The base forms of the adjective table.</summary>
    public static IEnumerable<string> AdjectiveBases => BaseForms(AdjectiveTable);

    private static IEnumerable<string> BaseForms(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ')[0]);

    /// <summary>Maps every form after the first on a line to the first; the first wins when a form repeats ("more": much).</summary>
    private static Dictionary<string, string> Parse(string table)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] forms = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (forms.Length == 1)
            {
                map.TryAdd(forms[0], forms[0]);
            }

            for (int i = 1; i < forms.Length; i++)
            {
                map.TryAdd(forms[i], forms[0]);
            }
        }

        return map;
    }
}
