namespace RnnWorkbook.Text.Lemmatization;

/// <summary>
/// The base forms the lemmatizer's rules may produce, by word class: about 800 verbs, 1,300 nouns
/// and 450 adjectives of everyday English, plus the bases of the irregular tables. A rule such as
/// "strip -s" only fires when its result is listed here, so "this" does not become "thi" and "news"
/// does not become "new". Callers add their own words through <see cref="EnglishLemmatizer"/>'s constructor.
/// </summary>
internal static class EnglishBaseWords
{
    private const string VerbList = """
        accept access accompany accomplish accord account accuse achieve acknowledge acquire act adapt add
        address adjust admire admit adopt advance advertise advise advocate affect afford agree aim alarm alert
        allocate allow alter amaze amend amuse analyse analyze announce annoy answer anticipate apologize appeal
        appear apply appoint appreciate approach approve argue arrange arrest arrive ask assemble assert assess
        assign assist assume assure attach attack attain attempt attend attract avoid await award
        back bake balance ban bang bark base bathe battle beg behave believe belong benefit blame bless block
        blink boast boil bomb book boost border borrow bother bounce bow box brake breathe brush bump burden
        bury button calculate call calm camp cancel care carry carve cause cease celebrate challenge change
        charge chase chat cheat check cheer chew chop circle claim clap clarify classify clean clear click
        climb close coach collapse collect colour color comb combine comfort command comment commit communicate
        compare compete compile complain complete comply compose comprise compute concentrate concern conclude
        conduct confess confirm conflict confront confuse connect conquer consider consist construct consult
        consume contact contain continue contribute control convert convey convince cook cool cooperate cope copy
        correct correspond cough count cover crack crash crawl create credit criticise criticize cross crowd
        crush cry cure curl curse cycle damage dance dare date debate decay deceive decide declare decline
        decorate decrease dedicate defeat defend define delay delete deliver demand demonstrate deny depart
        depend deposit derive descend describe deserve design desire destroy detect determine develop devote
        die differ digest direct disagree disappear disappoint discover discuss dislike dismiss display dispose
        distinguish distribute disturb divide document dominate donate double doubt download drag drain dress
        drift drill drip drop drown dry dump dust earn ease echo edit educate elect eliminate embrace emerge
        emphasise emphasize employ empty enable encounter encourage end endure enforce engage enhance enjoy
        enlarge enquire ensure enter entertain equip escape establish estimate evaluate evolve examine exceed
        exchange excite exclude excuse execute exercise exhibit exist expand expect experience experiment explain
        explode explore export expose express extend face fade fail fancy fasten favour favor fear fetch file
        fill film finance finish fire fit fix flash float flood flow fold follow fool force form found frame
        free frighten fry fund gain gather gaze generate glance glow glue grab grade graduate grant grasp greet
        grin grip groan guarantee guard guess guide halt hammer handle happen harm hate head heal heat help
        hesitate highlight hire hop hope host hug hunt hurry identify ignore illustrate imagine imitate implement
        imply import impose impress improve include incorporate increase indicate influence inform inherit
        injure insist inspect inspire install instruct insult integrate intend interest interfere interpret
        interrupt introduce invent invest investigate invite involve iron isolate issue join joke judge jump
        justify kick kill kiss knit knock label lack land last laugh launch lecture lend level license lick lift
        like limit line link list listen live load locate lock look love maintain manage manufacture march
        mark marry match matter measure melt mention mind miss mix monitor motivate move multiply murder name
        need neglect negotiate nod note notice number obey object oblige observe obtain occupy occur offend
        offer open operate oppose order organise organize owe own pack paint park participate pass pause perform
        permit persuade phone pick pile place plan plant play plead please plug point polish pop pose possess
        post pour practise practice praise pray preach precede predict prefer prepare present preserve press
        pretend prevent print proceed process produce progress prohibit promise promote pronounce propose protect
        protest provide publish pull pump punch punish purchase pursue push qualify question queue race rain
        raise reach react realise realize receive recognise recognize recommend record recover recruit reduce
        refer reflect refuse regard register regret reject relate relax release rely remain remember remind
        remove rent repair repeat replace reply report represent request require rescue research resemble
        reserve resign resist resolve respect respond rest restore restrict result retain retire return reveal
        review reward rhyme rob rock roll rub ruin rule rush sail satisfy save scare schedule score scratch scream
        search secure seem seize select separate serve settle shape share shave shelter shift shine shock shop
        shout sigh sign signal ski skip slap slip smash smile smoke snap snow solve sort sound spare spark spot
        spray squeeze stack staff stain stamp star stare start state stay steer step stir stop store strengthen
        stress stretch struggle study stuff submit succeed suck suffer suggest suit supply support suppose
        surprise surround survive suspect suspend swallow switch talk tap taste tax tease telephone tempt tend
        terrify test thank threaten tick tidy tie time tip tire touch tour trace trade train transfer transform
        translate transport trap travel treat tremble trick trip trouble trust try turn twist type undergo unite
        unlock update upgrade urge use value vanish vary view visit voice volunteer vote wait walk wander want
        warm warn wash waste watch water wave weigh welcome whip whisper whistle wipe wish wonder work worry
        wrap yawn yell yield zoom
        """;

    private const string NounList = """
        ability absence abuse academy accent access accident account achievement acid act action activity actor
        address administration adult advantage adventure advice affair age agency agent agreement air aircraft
        airline airport alarm album alcohol allowance ally alternative ambition amount analyst anger angle animal
        ankle answer anxiety apartment appeal appearance apple application appointment approach area argument arm
        army arrival art article artist aspect assessment assignment assistant association atmosphere attack
        attempt attention attitude audience author authority average award baby back background bag bake
        balance ball band bank bar base basis basket bath bathroom battery battle beach bean bear beat beauty
        bed bedroom beer beginning behaviour behavior belief bell belt benefit bicycle bike bill bird birth
        birthday bit bite blade blame blanket block blood blow board boat body bomb bone bonus book boot border
        bottle bottom bowl box boy brain branch brand bread break breakfast breath brick bridge brother brush
        budget bug building bunch burden bus business button buyer cabinet cable cake calendar call camera camp
        campaign cancer candidate candle cap capital car card care career carpet case cash cast castle cat
        category cause ceiling cell centre center century chain chair chairman challenge champion chance change
        channel chapter character charge chart check cheek cheese chef chemical chest chicken chief child
        childhood chip chocolate choice church cigarette circle citizen city claim class classroom client climate
        clock closet cloth clothes cloud club clue coach coast coat code coffee coin cold collar colleague
        collection college colour color column combination comfort command comment commission committee
        communication community company comparison competition complaint computer concept concern concert
        conclusion condition conference confidence conflict connection consequence contact content contest
        context contract contribution control conversation cook cookie copy corner cost cottage cough council
        count counter country county couple courage course court cousin cover cow crack craft crash cream
        creature credit crew crime criminal crisis critic crop cross crowd crown cry culture cup cure currency
        curve customer cycle dad damage dance danger data date daughter day deadline deal dealer death debate
        debt decade decision deck degree delay delivery demand department deposit depth description design
        desire desk detail development device diet difference difficulty dinner direction director dirt
        disaster discipline discount discussion disease dish disk display distance district doctor document dog
        dollar door dot doubt draft drama drawer drawing dream dress drink drive driver drop drug duck duty
        ear earth ease east economy edge editor education effect effort egg election element elephant emergency
        emotion employee employer end enemy energy engine engineer entrance entry environment episode equipment
        error escape essay estate evening event evidence exam example exchange excitement excuse exercise exhibit
        exit experience expert explanation expression extent eye face fact factor factory failure fall family
        fan farm farmer fashion fat father fault favour favor fear feature fee feedback feeling fellow female
        fence festival fever field fight figure file film finance finger fire firm fish fix flag flat flesh flight
        floor flower fly focus fold folk food fool foot football force forest form fortune foundation frame
        freedom friend friendship front fruit fuel fun function fund furniture future gain game gap garage
        garden gas gate gear gene generation gentleman gift girl glass glove goal god gold golf government grade
        grain grandfather grandmother grass ground group growth guarantee guard guest guide guitar gun guy habit
        hair half hall hand handle hat head health hearing heart heat height hell help hero highway hill
        history hit hobby hold hole holiday home homework honey hook hope horror horse hospital host hotel hour
        house housing human hunger husband ice idea illness image impact importance impression improvement
        incident income increase independence index individual industry infection inflation influence
        information injury insect inside instance institution instruction instrument insurance intention interest
        internet interview introduction investment invitation iron island issue item jacket job joint joke
        journal journey joy judge judgment juice jump jury justice key kid kill king kingdom kiss kitchen knee
        knife knowledge lab labour labor lack lady lake land landscape language laugh law lawyer layer leader
        leadership league lecture leg legend length lesson letter level library licence license lid lie life
        light limit line link lip list literature loan location lock log look lord loss love luck lunch machine
        magazine mail maintenance male mall man management manager manner map margin mark market marriage master
        match mate material matter meal meaning measure meat media medicine medium meeting member membership
        memory message metal method middle midnight mind mine minister minute mirror mission mistake mix mixture
        mobile mode model mom moment money monitor month mood moon morning mortgage mother motor mountain mouse
        mouth move movie mud murder muscle museum music nail name nation nature neck need needle neighbour
        neighbor nerve nest network news newspaper night noise north nose note notice novel number nurse object
        objective obligation occasion ocean offer office officer oil opening operation opinion opportunity
        option orange order organisation organization origin outcome outside oven owner pack package page pain
        paint painting pair palace pan panel paper parent park part partner party pass passage passenger
        passion past path patience patient pattern pause pay payment peace peak pen penalty pencil people
        pepper percentage performance period permission person personality perspective phase philosophy phone
        photo phrase physics piano picture piece pig pile pilot pin pipe pitch place plan plane planet plant
        plastic plate platform play player pleasure plenty plot pocket poem poet poetry point police policy
        politics pollution pool pop population port position possession possibility post pot potato pound
        poverty powder power practice praise prayer preference pregnancy preparation presence present president
        press pressure price pride priest prince princess principle print priority prison prize problem
        procedure process produce product profession professor profile profit program programme progress project
        promise proof property proposal prospect protection protest pub public pull punch purchase purpose push
        quality quantity quarter queen question quote race radio rain range rate ratio reaction reader reading
        reality reason receipt reception recipe record recording recovery reference reflection region relation
        relationship release relief religion replacement reply report representative reputation request
        requirement research reserve resident resolution resort resource respect response responsibility rest
        restaurant result return revenue review revolution reward rice rider ring rise risk river road rock
        role roll roof room root rope rose round route routine row rule run sale salad salary salt sample
        sand sandwich satisfaction scale scene schedule scheme school science score screen script sea search
        season seat second secret secretary section sector security seed selection sense sentence series
        servant service session setting shadow shame shape share sheep sheet shelf shell shift ship shirt shock
        shoe shop shot shoulder show shower side sight sign signal signature silence silver singer sister site
        situation size skill skin skirt sky sleep slice slide smell smile smoke snake snow society sock soil
        soldier solution son song sort soul sound soup source south space speaker speech speed spirit sport
        spot spring square staff stage stair stake standard star start state statement station status steak
        step stick stock stomach stone stop storage store storm story strategy stream street strength stress
        strike string structure student studio study stuff style subject substance success sugar suggestion
        suit summer sun supermarket supply support surface surgery surprise survey suspect sweater swing symbol
        system table tail talent talk tank tap target task taste tax tea teacher team tear technique
        technology telephone television temperature tendency tennis tension term test text thanks theatre
        theater theme theory thing thought threat throat ticket tie time tip title toe tone tongue tool tooth
        top topic total touch tour tourist towel tower town toy track trade tradition traffic train training
        transition transport trap travel treat treatment tree trend trial trick trip trouble truck trust truth
        turn type uncle union unit university user vacation valley value van variety vegetable vehicle version
        victim video view village violence visit visitor voice volume vote wage waiter wall war warning wash
        waste watch water wave way weakness wealth weapon weather web website wedding week weekend weight
        welcome west wheel while whole wife will win wind window wine wing winner winter wish witness woman
        wonder wood word work worker world worry writer writing yard year youth zone
        """;

    private const string AdjectiveList = """
        able absent absolute abstract academic acceptable accurate active actual acute additional adequate
        advanced afraid aggressive alive alone amazing ancient angry annual anxious apparent appropriate
        automatic available average aware awful bad bare basic beautiful big bitter black blank blind blue bold
        boring brave brief bright brilliant broad brown busy calm capable careful casual central certain
        cheap chemical chief civil classic clean clear clever close cold comfortable common complete complex
        concerned confident conscious constant content cool correct crazy creative critical crucial cruel
        cultural curious current cute daily damp dangerous dark dead dear decent deep definite delicate
        democratic dense dependent desperate different difficult digital direct dirty distinct double dramatic
        dry due dull eager early easy economic educational effective efficient elderly electric electronic
        emotional empty entire environmental equal essential eternal even evil exact excellent exciting
        existing expensive extra extreme fair faithful false familiar famous fancy fast fat favourite favorite
        federal fierce final financial fine firm fit flat foolish foreign formal former free fresh friendly
        full funny general generous gentle genuine giant glad global golden good gorgeous grand grateful
        grave gray great green grey gross guilty happy hard harsh healthy heavy helpful high holy honest
        horrible hot huge human humble hungry ideal ill illegal immediate important impossible impressive
        independent industrial initial innocent intelligent intense interesting internal international large
        late lazy left legal light likely little live lively local lonely long loose loud lovely low loyal lucky
        mad main major male mean medical mental mere mild military minor modern moral narrow nasty national
        natural near neat necessary negative nervous new nice noble normal obvious odd official old open
        opposite ordinary original overall painful pale particular past patient peaceful perfect permanent
        personal physical plain pleasant poor popular positive possible powerful practical precious pregnant
        present pretty previous primary private probable professional proper proud public pure quick quiet
        rapid rare raw ready real reasonable recent red regular relevant reliable religious remarkable remote
        responsible rich right rough round royal rude sad safe same scared secret secure senior sensitive
        separate serious severe shallow sharp short shy sick significant silent silly similar simple sincere
        single slight slim slow small smart smooth social soft solid sorry sour special specific square stable
        steady steep sticky stiff still straight strange strict strong stupid sudden sufficient suitable sunny
        super sure sweet swift tall tender terrible thick thin tight tiny tired total tough traditional
        tremendous true typical ugly unable unique unusual upper upset urgent useful usual valid valuable
        various vast violent visible vital vivid warm weak wealthy weird wet white whole wide wild wise wonderful
        wooden worried worth wrong yellow young
        """;

    /// <summary>Verb base forms.</summary>
    public static HashSet<string> Verbs() => Build(VerbList, IrregularEnglish.VerbBases);

    /// <summary>Noun base (singular) forms.</summary>
    public static HashSet<string> Nouns() => Build(NounList, IrregularEnglish.NounBases);

    /// <summary>Adjective base (positive) forms.</summary>
    public static HashSet<string> Adjectives() => Build(AdjectiveList, IrregularEnglish.AdjectiveBases);

    private static HashSet<string> Build(string list, IEnumerable<string> irregularBases)
    {
        var words = new HashSet<string>(
            list.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        words.UnionWith(irregularBases);
        return words;
    }
}
