namespace RnnWorkbook.Text.Subword;

/// <summary>
/// Applies learned merges to one piece: repeatedly merges the adjacent pair with the lowest rank
/// (leftmost first among equal ranks) until no pair has a merge below the rank limit. Short pieces use
/// a linear scan; long ones (a megabyte without a space) a heap with lazy invalidation, so the work
/// grows as n log n rather than n².
/// </summary>
internal static class BpeSymbolMerger
{
    private const int LinearLimit = 64;

    /// <summary>Merges in place and returns the new length; <paramref name="starts"/> moves with the symbols.</summary>
    public static int Merge(Span<int> symbols, Span<int> starts, Dictionary<long, (int Rank, int Merged)> merges, int rankLimit) =>
        symbols.Length <= LinearLimit
            ? MergeLinear(symbols, starts, merges, rankLimit)
            : MergeWithHeap(symbols, starts, merges, rankLimit);

    #region EncodeByRank
    public static long PairKey(int left, int right) => ((long)left << 32) | (uint)right;

    private static int MergeLinear(Span<int> symbols, Span<int> starts, Dictionary<long, (int Rank, int Merged)> merges, int rankLimit)
    {
        int length = symbols.Length;
        while (length > 1)
        {
            int bestRank = rankLimit;
            int bestIndex = -1;
            int bestMerged = 0;
            for (int i = 0; i + 1 < length; i++)
            {
                if (merges.TryGetValue(PairKey(symbols[i], symbols[i + 1]), out (int Rank, int Merged) merge) && merge.Rank < bestRank)
                {
                    (bestRank, bestIndex, bestMerged) = (merge.Rank, i, merge.Merged);
                }
            }

            if (bestIndex < 0)
            {
                break;
            }

            symbols[bestIndex] = bestMerged;
            symbols[(bestIndex + 2)..length].CopyTo(symbols[(bestIndex + 1)..]);
            starts[(bestIndex + 2)..length].CopyTo(starts[(bestIndex + 1)..]);
            length--;
        }

        return length;
    }
    #endregion

    private static int MergeWithHeap(Span<int> symbols, Span<int> starts, Dictionary<long, (int Rank, int Merged)> merges, int rankLimit)
    {
        int n = symbols.Length;
        var next = new int[n];
        var previous = new int[n];
        var version = new int[n];
        var alive = new bool[n];
        var heap = new PriorityQueue<(int Position, int Version, int Merged), (int Rank, int Position)>();
        for (int i = 0; i < n; i++)
        {
            next[i] = i + 1;
            previous[i] = i - 1;
            alive[i] = true;
        }

        void Push(Span<int> syms, int position)
        {
            int right = next[position];
            if (right < n && merges.TryGetValue(PairKey(syms[position], syms[right]), out (int Rank, int Merged) merge) && merge.Rank < rankLimit)
            {
                heap.Enqueue((position, version[position], merge.Merged), (merge.Rank, position));
            }
        }

        for (int i = 0; i + 1 < n; i++)
        {
            Push(symbols, i);
        }

        while (heap.TryDequeue(out (int Position, int Version, int Merged) entry, out _))
        {
            int left = entry.Position;
            if (!alive[left] || version[left] != entry.Version)
            {
                continue;
            }

            int right = next[left];
            symbols[left] = entry.Merged;
            alive[right] = false;
            next[left] = next[right];
            if (next[right] < n)
            {
                previous[next[right]] = left;
            }

            version[left]++;
            Push(symbols, left);
            if (previous[left] >= 0)
            {
                version[previous[left]]++;
                Push(symbols, previous[left]);
            }
        }

        int length = 0;
        for (int i = 0; i < n; i = next[i])
        {
            symbols[length] = symbols[i];
            starts[length] = starts[i];
            length++;
        }

        return length;
    }
}
