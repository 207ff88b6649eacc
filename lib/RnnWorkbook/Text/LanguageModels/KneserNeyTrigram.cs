namespace RnnWorkbook.Text.LanguageModels;

/// <summary>
/// An interpolated Kneser–Ney trigram language model (Kneser and Ney 1995; Chen and Goodman 1998, §3.5):
/// the count-based baseline a neural language model is measured against.
/// </summary>
/// <remarks>
/// Tokens are ids 0 … V−1 of a fixed vocabulary that includes the unknown word and the end-of-sentence
/// token; every sentence is padded as <c>&lt;s&gt; &lt;s&gt; w_1 … w_n &lt;/s&gt;</c>, where &lt;s&gt; is
/// context only (never predicted) and &lt;/s&gt; is the vocabulary's end-of-sentence id (predicted like a
/// word). With a(·) the adjusted counts, N₁₊ the number of distinct ids with a positive count and one
/// discount D_k per order:
/// <code>
///   P₃(w | u v) = max(c(u v w) − D₃, 0) / c(u v ·)  +  D₃ N₁₊(u v ·) / c(u v ·) · P₂(w | v)
///   P₂(w | v)   = max(a(v w) − D₂, 0) / a(v ·)      +  D₂ N₁₊(v ·) / a(v ·)     · P₁(w)
///   P₁(w)       = max(a(w) − D₁, 0) / a(·)          +  D₁ N₁₊(·) / a(·)         · 1 / V
/// </code>
/// The highest order uses raw counts c; a lower-order n-gram's adjusted count is its continuation count
/// N₁₊(· v w), the number of distinct ids seen before it, because a lower order is consulted exactly when
/// the longer context is rare; an n-gram that starts with &lt;s&gt; has nothing before it and keeps its raw
/// count (as KenLM does). A context never seen passes all its mass down. Each discount is Ney's estimate
/// D = n₁ / (n₁ + 2 n₂) from the numbers n₁, n₂ of n-grams of that order with adjusted count 1 and 2, unless
/// given. Because 0 &lt; D ≤ 1 and every stored count is at least 1, each line is a distribution: the
/// probabilities of the V ids sum to 1 in every context.
/// </remarks>
public sealed class KneserNeyTrigram
{
    private readonly Dictionary<(int U, int V, int W), int> _trigrams = [];
    private readonly Dictionary<(int U, int V), ContextCounts> _trigramContexts = [];
    private readonly Dictionary<(int V, int W), int> _bigrams = [];
    private readonly Dictionary<int, ContextCounts> _bigramContexts = [];
    private readonly int[] _unigrams;
    private readonly int _start;
    private long _unigramTotal;
    private int _unigramTypes;

    /// <summary>Counts the n-grams of <paramref name="sentences"/> and sets the discounts.</summary>
    /// <param name="sentences">Training sentences as ids in [0, <paramref name="vocabularySize"/>), without boundary tokens.</param>
    /// <param name="vocabularySize">V: the number of ids that can be predicted, the end-of-sentence id included.</param>
    /// <param name="endOfSentence">The id appended to every sentence and predicted like a word.</param>
    /// <param name="discounts">D₁, D₂, D₃ in (0, 1]; when null, each is estimated as n₁ / (n₁ + 2 n₂).</param>
    /// <exception cref="ArgumentException">An id is out of range, or a discount cannot be estimated or is out of range.</exception>
    public KneserNeyTrigram(IEnumerable<IReadOnlyList<int>> sentences, int vocabularySize, int endOfSentence, IReadOnlyList<double>? discounts = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(endOfSentence);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(endOfSentence, vocabularySize);
        if (discounts is not null && (discounts.Count != 3 || discounts.Any(d => !(d > 0 && d <= 1))))
        {
            throw new ArgumentException($"discounts: expected three values in (0, 1], got [{string.Join(", ", discounts)}].", nameof(discounts));
        }

        (VocabularySize, EndOfSentence, _start) = (vocabularySize, endOfSentence, vocabularySize);
        _unigrams = new int[vocabularySize];
        CountTrigrams(sentences);
        DeriveLowerOrders();
        Discounts = discounts is null
            ? [EstimateDiscount(1, _unigrams), EstimateDiscount(2, _bigrams.Values), EstimateDiscount(3, _trigrams.Values)]
            : [.. discounts];
    }

    /// <summary>V.</summary>
    public int VocabularySize { get; }

    /// <summary>The end-of-sentence id.</summary>
    public int EndOfSentence { get; }

    /// <summary>D₁, D₂, D₃: the discounts of the unigram, bigram and trigram levels.</summary>
    public IReadOnlyList<double> Discounts { get; }

    /// <summary>The number of distinct trigrams seen in training.</summary>
    public int TrigramTypes => _trigrams.Count;

    /// <summary>The number of distinct bigrams seen in training.</summary>
    public int BigramTypes => _bigrams.Count;

    /// <summary>The id that stands for &lt;s&gt; in a context: V, outside the vocabulary.</summary>
    public int Start => _start;

    /// <summary>P(w | u v) for ids w in [0, V); u and v may be <see cref="Start"/>.</summary>
    public double Probability(int u, int v, int w)
    {
        CheckContext(u, nameof(u));
        CheckContext(v, nameof(v));
        CheckWord(w);
        var trigram = _trigramContexts.GetValueOrDefault((u, v));
        var bigram = _bigramContexts.GetValueOrDefault(v);
        double p1 = Interpolate(_unigrams[w], _unigramTotal, _unigramTypes, Discounts[0], 1.0 / VocabularySize);
        double p2 = Interpolate(_bigrams.GetValueOrDefault((v, w)), bigram.Total, bigram.Types, Discounts[1], p1);
        return Interpolate(_trigrams.GetValueOrDefault((u, v, w)), trigram.Total, trigram.Types, Discounts[2], p2);
    }

    #region Interpolate
    /// <summary>
    /// One level of interpolated Kneser–Ney: the discounted count of (context, w), plus the mass the discount
    /// freed, D per distinct follower of the context, spread as the lower level's probability of w.
    /// </summary>
    /// <param name="count">c(context w), or its adjusted count at a lower level.</param>
    /// <param name="total">c(context ·): the sum of those counts over every w.</param>
    /// <param name="types">N₁₊(context ·): how many different w have a positive count.</param>
    /// <param name="discount">D, in (0, 1].</param>
    /// <param name="lower">P_lower(w), the next shorter context's probability.</param>
    public static double Interpolate(double count, long total, int types, double discount, double lower)
    {
        if (total == 0)
        {
            return lower; // a context never seen passes all its mass down
        }

        return (Math.Max(count - discount, 0) + discount * types * lower) / total;
    }
    #endregion

    /// <summary>The distribution P(· | u v) over the V ids.</summary>
    public double[] Distribution(int u, int v)
    {
        var p = new double[VocabularySize];
        for (int w = 0; w < p.Length; w++)
        {
            p[w] = Probability(u, v, w);
        }

        return p;
    }

    /// <summary>
    /// The total −ln P of every token of <paramref name="sentences"/> and of each sentence's end, and how many
    /// tokens that is: perplexity = exp(NegativeLogLikelihood / Tokens).
    /// </summary>
    public (double NegativeLogLikelihood, long Tokens) Score(IEnumerable<IReadOnlyList<int>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        double total = 0;
        long tokens = 0;
        foreach (var sentence in sentences)
        {
            int u = _start, v = _start;
            for (int i = 0; i <= sentence.Count; i++)
            {
                int w = i < sentence.Count ? sentence[i] : EndOfSentence;
                total -= Math.Log(Probability(u, v, w));
                tokens++;
                (u, v) = (v, w);
            }
        }

        return (total, tokens);
    }

    /// <summary>exp(mean −ln P) over every token of <paramref name="sentences"/> and each sentence's end.</summary>
    public double Perplexity(IEnumerable<IReadOnlyList<int>> sentences)
    {
        var (nll, tokens) = Score(sentences);
        if (tokens == 0)
        {
            throw new ArgumentException("sentences: nothing to score.", nameof(sentences));
        }

        return Math.Exp(nll / tokens);
    }

    private void CountTrigrams(IEnumerable<IReadOnlyList<int>> sentences)
    {
        foreach (var sentence in sentences)
        {
            ArgumentNullException.ThrowIfNull(sentence, nameof(sentences));
            int u = _start, v = _start;
            for (int i = 0; i <= sentence.Count; i++)
            {
                int w = i < sentence.Count ? sentence[i] : EndOfSentence;
                if ((uint)w >= (uint)VocabularySize)
                {
                    throw new ArgumentException($"sentences: id {w} is outside the vocabulary [0, {VocabularySize}).", nameof(sentences));
                }

                _trigrams[(u, v, w)] = _trigrams.GetValueOrDefault((u, v, w)) + 1;
                (u, v) = (v, w);
            }
        }
    }

    // Adjusted counts of the lower orders and the totals of every context.
    private void DeriveLowerOrders()
    {
        foreach (var ((u, v, w), count) in _trigrams)
        {
            Add(_trigramContexts, (u, v), count);
            // The bigram (v, w) gains one left extension u; a bigram that starts a sentence (v = <s>, so u = <s>
            // too) has nothing before it and keeps its raw count.
            _bigrams[(v, w)] = _bigrams.GetValueOrDefault((v, w)) + (v == _start ? count : 1);
        }

        foreach (var ((v, w), count) in _bigrams)
        {
            Add(_bigramContexts, v, count);
            _unigrams[w]++; // one more distinct id seen before w
        }

        foreach (int count in _unigrams)
        {
            _unigramTotal += count;
            _unigramTypes += count > 0 ? 1 : 0;
        }
    }

    private static void Add<TKey>(Dictionary<TKey, ContextCounts> contexts, TKey key, int count) where TKey : notnull
    {
        var seen = contexts.GetValueOrDefault(key);
        contexts[key] = new ContextCounts(seen.Total + count, seen.Types + 1);
    }

    private static double EstimateDiscount(int order, IEnumerable<int> counts)
    {
        long n1 = 0, n2 = 0;
        foreach (int count in counts)
        {
            n1 += count == 1 ? 1 : 0;
            n2 += count == 2 ? 1 : 0;
        }

        if (n1 == 0 || n2 == 0)
        {
            throw new ArgumentException(
                $"discounts: order {order} has n1 = {n1} and n2 = {n2} n-grams seen once and twice, too few to estimate " +
                "D = n1 / (n1 + 2 n2); pass the three discounts explicitly.", "discounts");
        }

        return n1 / (double)(n1 + 2 * n2);
    }

    private void CheckContext(int id, string name)
    {
        if ((uint)id > (uint)VocabularySize)
        {
            throw new ArgumentOutOfRangeException(name, id, $"expected an id in [0, {VocabularySize}) or Start = {VocabularySize}.");
        }
    }

    private void CheckWord(int w)
    {
        if ((uint)w >= (uint)VocabularySize)
        {
            throw new ArgumentOutOfRangeException(nameof(w), w, $"expected an id in [0, {VocabularySize}).");
        }
    }

    private readonly record struct ContextCounts(long Total, int Types);
}
