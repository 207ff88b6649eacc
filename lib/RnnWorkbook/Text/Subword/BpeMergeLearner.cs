namespace RnnWorkbook.Text.Subword;

/// <summary>
/// The merge loop of BPE training, with incremental statistics: pair counts, an index from each pair
/// to the words that contain it, and a max-heap of pairs with lazy invalidation. After a merge only
/// the words that contained the merged pair are rewritten, and only the pair counts they touch change.
/// </summary>
/// <remarks>
/// <para>Heap entries carry the count they had when pushed. A count that grows (a pair with the new
/// token) is pushed again; a count that shrinks is noticed when its stale entry reaches the top, and
/// the entry is pushed back with the current count. An entry is used only when its count is current.</para>
/// <para>Ties are broken deterministically: the higher count wins, then the pair whose left token and
/// then right token come first in ordinal string order. The same corpus and options always give the
/// same merges.</para>
/// </remarks>
internal sealed class BpeMergeLearner
{
    private readonly List<int[]> _words;
    private readonly long[] _wordCounts;
    private readonly List<string> _tokens;
    private readonly Dictionary<string, int> _tokenIds;
    private readonly int _barrier;
    private readonly Dictionary<long, long> _pairCounts = [];
    private readonly Dictionary<long, HashSet<int>> _wordsWithPair = [];
    private readonly PriorityQueue<long, (long Count, long Pair)> _heap;
    private readonly Dictionary<long, long> _delta = [];

    /// <param name="words">Each distinct word as symbol ids; rewritten in place as merges are applied.</param>
    /// <param name="wordCounts">How often each word occurs.</param>
    /// <param name="tokens">The vocabulary so far (id → string); merged tokens are appended.</param>
    /// <param name="tokenIds">The reverse of <paramref name="tokens"/>.</param>
    /// <param name="barrier">A symbol that never merges (sentence-piece &lt;unk&gt;), or −1.</param>
    public BpeMergeLearner(List<int[]> words, long[] wordCounts, List<string> tokens, Dictionary<string, int> tokenIds, int barrier)
    {
        _words = words;
        _wordCounts = wordCounts;
        _tokens = tokens;
        _tokenIds = tokenIds;
        _barrier = barrier;
        _heap = new PriorityQueue<long, (long Count, long Pair)>(Comparer<(long Count, long Pair)>.Create(ComparePairs));
        for (int w = 0; w < words.Count; w++)
        {
            AddPairs(w, words[w], +1);
        }

        foreach ((long pair, long count) in _delta)
        {
            _pairCounts[pair] = count;
        }

        _delta.Clear();
    }

    /// <summary>Learns merges until the vocabulary has <paramref name="vocabularySize"/> tokens or no pair reaches <paramref name="minFrequency"/>.</summary>
    public List<(int Left, int Right, long Count)> Learn(int vocabularySize, long minFrequency)
    {
        var merges = new List<(int, int, long)>();
        foreach ((long pair, long count) in _pairCounts)
        {
            if (count >= minFrequency)
            {
                _heap.Enqueue(pair, (count, pair));
            }
        }

        while (_tokens.Count < vocabularySize && _heap.TryDequeue(out long pair, out (long Count, long Pair) queued))
        {
            long current = _pairCounts.GetValueOrDefault(pair);
            if (queued.Count != current)
            {
                // A stale entry. A shrunk count goes back in at its current value; a grown one was pushed when it grew.
                if (current < queued.Count && current >= minFrequency)
                {
                    _heap.Enqueue(pair, (current, pair));
                }

                continue;
            }

            if (current < minFrequency)
            {
                break;
            }

            (int left, int right) = Unpack(pair);
            int merged = TokenFor(_tokens[left] + _tokens[right]);
            merges.Add((left, right, current));
            ApplyMerge(pair, left, right, merged, minFrequency);
        }

        return merges;
    }

    private int TokenFor(string text)
    {
        if (!_tokenIds.TryGetValue(text, out int id))
        {
            id = _tokens.Count;
            _tokens.Add(text);
            _tokenIds.Add(text, id);
        }

        return id;
    }

    private void ApplyMerge(long pair, int left, int right, int merged, long minFrequency)
    {
        if (!_wordsWithPair.Remove(pair, out HashSet<int>? affected))
        {
            return;
        }

        foreach (int w in affected)
        {
            int[] symbols = _words[w];
            if (!Contains(symbols, left, right))
            {
                continue;
            }

            AddPairs(w, symbols, -1);
            int[] rewritten = Rewrite(symbols, left, right, merged);
            _words[w] = rewritten;
            AddPairs(w, rewritten, +1);
        }

        foreach ((long changed, long delta) in _delta)
        {
            if (delta == 0)
            {
                continue;
            }

            long count = _pairCounts.GetValueOrDefault(changed) + delta;
            if (count == 0)
            {
                _pairCounts.Remove(changed);
            }
            else
            {
                _pairCounts[changed] = count;
            }

            // A grown count is pushed now; a shrunk one is caught when its stale entry surfaces.
            if (delta > 0 && count >= minFrequency)
            {
                _heap.Enqueue(changed, (count, changed));
            }
        }

        _delta.Clear();
        _pairCounts.Remove(pair);
    }

    /// <summary>Adds (sign +1) or removes (sign −1) the pairs of word <paramref name="w"/> to the pending deltas.</summary>
    private void AddPairs(int w, int[] symbols, int sign)
    {
        long weight = sign * _wordCounts[w];
        for (int i = 0; i + 1 < symbols.Length; i++)
        {
            if (symbols[i] == _barrier || symbols[i + 1] == _barrier)
            {
                continue;
            }

            long pair = BpeSymbolMerger.PairKey(symbols[i], symbols[i + 1]);
            _delta[pair] = _delta.GetValueOrDefault(pair) + weight;
            if (sign > 0)
            {
                if (!_wordsWithPair.TryGetValue(pair, out HashSet<int>? set))
                {
                    set = [];
                    _wordsWithPair.Add(pair, set);
                }

                set.Add(w);
            }
        }
    }

    private static bool Contains(int[] symbols, int left, int right)
    {
        for (int i = 0; i + 1 < symbols.Length; i++)
        {
            if (symbols[i] == left && symbols[i + 1] == right)
            {
                return true;
            }
        }

        return false;
    }

    #region Rewrite
    /// <summary>Replaces every non-overlapping (left, right), scanning left to right: "a a a" with (a, a) gives "aa a".</summary>
    private static int[] Rewrite(int[] symbols, int left, int right, int merged)
    {
        var result = new List<int>(symbols.Length);
        for (int i = 0; i < symbols.Length; i++)
        {
            if (i + 1 < symbols.Length && symbols[i] == left && symbols[i + 1] == right)
            {
                result.Add(merged);
                i++;
            }
            else
            {
                result.Add(symbols[i]);
            }
        }

        return [.. result];
    }
    #endregion

    private static (int Left, int Right) Unpack(long pair) => ((int)(pair >> 32), (int)(uint)pair);

    /// <summary>Heap order: the smaller element is dequeued first, so a higher count compares smaller.</summary>
    private int ComparePairs((long Count, long Pair) a, (long Count, long Pair) b)
    {
        int byCount = b.Count.CompareTo(a.Count);
        if (byCount != 0)
        {
            return byCount;
        }

        (int aLeft, int aRight) = Unpack(a.Pair);
        (int bLeft, int bRight) = Unpack(b.Pair);
        int byLeft = string.CompareOrdinal(_tokens[aLeft], _tokens[bLeft]);
        return byLeft != 0 ? byLeft : string.CompareOrdinal(_tokens[aRight], _tokens[bRight]);
    }
}
