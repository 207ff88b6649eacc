namespace RnnWorkbook.Text.Stopwords;

/// <summary>
/// Ready-made stopword lists: function words that carry little topical meaning and are often
/// dropped before counting words for bag-of-words models (and kept for language models).
/// </summary>
public static class StopwordLists
{
    /// <summary>
    /// About 180 English function words, lowercase, grouped as in IR practice: pronouns,
    /// determiners and quantifiers, auxiliaries and modals, prepositions, conjunctions, frequent
    /// adverbs, and the clitics that <see cref="Tokenizers.WordTokenizer"/> splits off ("n't", "'s", ...).
    /// </summary>
    public static IReadOnlyList<string> English { get; } =
    [
        // Pronouns.
        "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours",
        "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its",
        "itself", "they", "them", "their", "theirs", "themselves", "one", "oneself", "who", "whom", "whose",
        "which", "what", "whatever", "whoever", "that", "this", "these", "those",

        // Determiners and quantifiers.
        "a", "an", "the", "some", "any", "no", "every", "each", "either", "neither", "all", "both", "few",
        "many", "much", "more", "most", "less", "least", "other", "another", "such", "own", "same", "several",

        // Auxiliaries and modals.
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does",
        "did", "doing", "done", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
        "ought",

        // Prepositions.
        "of", "at", "by", "for", "with", "about", "against", "between", "among", "into", "through", "during",
        "before", "after", "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over",
        "under", "upon", "within", "without", "across", "along", "around", "behind", "beyond", "toward",
        "towards", "onto", "via", "per", "since", "until", "till",

        // Conjunctions.
        "and", "but", "or", "nor", "so", "yet", "if", "because", "as", "while", "although", "though",
        "unless", "whether", "than", "then", "once",

        // Frequent adverbs.
        "not", "only", "very", "too", "also", "just", "now", "here", "there", "when", "where", "why", "how",
        "again", "further", "ever", "still", "even", "already", "quite", "rather", "almost",

        // Clitics split off by the word tokenizer.
        "n't", "'s", "'m", "'re", "'ve", "'ll", "'d",
    ];

    /// <summary>Korean particles (조사) and their stacked forms: 은, 는, 이, 가, 을, 를, 에, 에서, 으로, 로, ...</summary>
    public static IReadOnlyList<string> KoreanParticles => Korean.KoreanParticles.All;
}
