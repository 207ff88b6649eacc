using RnnWorkbook.Scratch;

namespace RnnWorkbook.Embeddings;

/// <summary>
/// Turns a corpus of word ids into (contexts, target) pairs, as in "Deep Learning from Scratch 2" §3.3: the
/// target is every word that has <c>window</c> words on each side; its contexts are those 2·window words.
/// </summary>
/// <remarks>
/// For "you say goodbye and i say hello ." with ids 0 1 2 3 4 1 5 6 and window 1, the first pair is
/// contexts (0, 2) → target 1 ("you", "goodbye" → "say").
/// </remarks>
public static class ContextWindows
{
    #region Create
    /// <summary>Contexts (N, 2·window) and targets (N) with N = corpus length − 2·window.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window is below 1 or leaves no target in the corpus.</exception>
    public static (int[,] Contexts, int[] Targets) Create(IReadOnlyList<int> corpus, int window = 1)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        int n = corpus.Count - 2 * window;
        if (n <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window,
                $"A window of {window} needs a corpus of at least {2 * window + 1} words; this one has {corpus.Count}.");
        }

        var contexts = new int[n, 2 * window];
        var targets = new int[n];
        for (int i = 0; i < n; i++)
        {
            int t = i + window;
            targets[i] = corpus[t];
            int c = 0;
            for (int offset = -window; offset <= window; offset++)
            {
                if (offset != 0)
                {
                    contexts[i, c++] = corpus[t + offset];
                }
            }
        }

        return (contexts, targets);
    }
    #endregion

    /// <summary>The ids of contexts (N, C) row by row as one array (N·C): element n·C + c is contexts[n, c].</summary>
    public static NdArray<int> Flatten(int[,] contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        int n = contexts.GetLength(0), c = contexts.GetLength(1);
        var ids = new NdArray<int>(n * c);
        for (int i = 0; i < n * c; i++)
        {
            ids.Data[i] = contexts[i / c, i % c];
        }

        return ids;
    }

    /// <summary>
    /// The book's toy preprocessing: lowercase, a space before '.', split on spaces; ids in order of first
    /// appearance. Returns the corpus as ids and the id → word list.
    /// </summary>
    public static (int[] Corpus, IReadOnlyList<string> Words) Preprocess(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<string>();
        var corpus = new List<int>();
        foreach (string word in text.ToLowerInvariant().Replace(".", " .", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ids.TryGetValue(word, out int id))
            {
                id = words.Count;
                ids.Add(word, id);
                words.Add(word);
            }

            corpus.Add(id);
        }

        return ([.. corpus], words);
    }
}
