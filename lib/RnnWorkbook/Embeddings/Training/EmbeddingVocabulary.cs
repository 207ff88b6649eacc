using System.Collections.ObjectModel;

namespace RnnWorkbook.Embeddings;

/// <summary>
/// The words an embedding is trained for: those seen at least <c>minCount</c> times, most frequent first
/// (id 0 is the most frequent word, as in word2vec.c and gensim), with their counts.
/// </summary>
public sealed class EmbeddingVocabulary
{
    private readonly string[] _words;
    private readonly long[] _counts;
    private readonly Dictionary<string, int> _ids;

    private EmbeddingVocabulary(string[] words, long[] counts, long corpusWords)
    {
        (_words, _counts, CorpusWords) = (words, counts, corpusWords);
        _ids = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++)
        {
            _ids.Add(words[i], i);
        }

        TrainWords = counts.Sum();
    }

    /// <summary>The words by id.</summary>
    public IReadOnlyList<string> Words => new ReadOnlyCollection<string>(_words);

    /// <summary>The count of each word, by id.</summary>
    public IReadOnlyList<long> Counts => new ReadOnlyCollection<long>(_counts);

    /// <summary>The number of words kept.</summary>
    public int Count => _words.Length;

    /// <summary>Every token of the corpus, kept or not.</summary>
    public long CorpusWords { get; }

    /// <summary>Occurrences of kept words: the words a training epoch walks over.</summary>
    public long TrainWords { get; }

    /// <summary>Counts the words of <paramref name="sentences"/> and keeps those seen at least <paramref name="minCount"/> times.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minCount"/> is below 1.</exception>
    public static EmbeddingVocabulary Build(IEnumerable<IReadOnlyList<string>> sentences, int minCount = 5, int? maxSize = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCount, 1);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var sentence in sentences)
        {
            foreach (string word in sentence)
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
                total++;
            }
        }

        var kept = counts.Where(p => p.Value >= minCount)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(maxSize ?? int.MaxValue).ToArray();
        return new EmbeddingVocabulary([.. kept.Select(p => p.Key)], [.. kept.Select(p => p.Value)], total);
    }

    /// <summary>The id of <paramref name="word"/>, or −1 when it was not kept.</summary>
    public int IdOf(string word) => _ids.GetValueOrDefault(word, -1);

    /// <summary>True when <paramref name="word"/> was kept.</summary>
    public bool Contains(string word) => _ids.ContainsKey(word);

    /// <summary>The corpus as ids, sentence by sentence, with the words not kept left out (as word2vec.c does).</summary>
    public EncodedCorpus Encode(IEnumerable<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var ids = new List<int>();
        var starts = new List<int> { 0 };
        foreach (var sentence in sentences)
        {
            foreach (string word in sentence)
            {
                if (_ids.TryGetValue(word, out int id))
                {
                    ids.Add(id);
                }
            }

            if (ids.Count > starts[^1])
            {
                starts.Add(ids.Count);
            }
        }

        return new EncodedCorpus([.. ids], [.. starts]);
    }
}
