using System.Buffers;

namespace RnnWorkbook.Text.Subword;

/// <summary>
/// Rank-based byte-pair merging as in tiktoken: the piece starts as single bytes; while some pair of
/// neighbouring parts forms a byte sequence that has a rank, the lowest-ranked one (leftmost on ties)
/// is merged. The final parts are the tokens and their ranks are the ids. Pieces up to 128 bytes use
/// a linear scan over a stack buffer; longer ones a heap, so a megabyte of letters without a space
/// costs n log n rather than n².
/// </summary>
internal static class BytePairRanker
{
    private const int LinearLimit = 128;

    /// <summary>Appends the ids of <paramref name="piece"/> to <paramref name="ids"/>; when <paramref name="starts"/> is given, each token's first byte too.</summary>
    public static void Encode(ReadOnlySpan<byte> piece, ByteSequenceTable ranks, List<int> ids, List<int>? starts)
    {
        if (piece.Length == 1)
        {
            ids.Add(ranks.OneByte(piece[0]));
            starts?.Add(0);
        }
        else if (piece.Length <= LinearLimit)
        {
            EncodeLinear(piece, ranks, ids, starts);
        }
        else
        {
            EncodeWithHeap(piece, ranks, ids, starts);
        }
    }

    private static void EncodeLinear(ReadOnlySpan<byte> piece, ByteSequenceTable ranks, List<int> ids, List<int>? starts)
    {
        int n = piece.Length;

        // Part i covers piece[start[i]..start[i + 1]); pairRank[i] is the rank of parts i and i + 1 merged.
        Span<int> start = stackalloc int[LinearLimit + 1];
        Span<int> pairRank = stackalloc int[LinearLimit];
        Span<int> selfRank = stackalloc int[LinearLimit];
        for (int i = 0; i < n; i++)
        {
            start[i] = i;
            selfRank[i] = ranks.OneByte(piece[i]);
            pairRank[i] = i + 1 < n ? Rank(ranks.TwoBytes(piece[i], piece[i + 1])) : int.MaxValue;
        }

        start[n] = n;
        int parts = n;
        while (parts > 1)
        {
            int best = -1;
            int bestRank = int.MaxValue;
            for (int i = 0; i + 1 < parts; i++)
            {
                if (pairRank[i] < bestRank)
                {
                    bestRank = pairRank[i];
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            // Merge parts best and best + 1.
            selfRank[best] = bestRank;
            start[(best + 2)..(parts + 1)].CopyTo(start[(best + 1)..]);
            selfRank[(best + 2)..parts].CopyTo(selfRank[(best + 1)..]);
            pairRank[(best + 2)..parts].CopyTo(pairRank[(best + 1)..]);
            parts--;
            pairRank[best] = best + 1 < parts ? Rank(ranks.Find(piece[start[best]..start[best + 2]])) : int.MaxValue;
            if (best > 0)
            {
                pairRank[best - 1] = Rank(ranks.Find(piece[start[best - 1]..start[best + 1]]));
            }
        }

        for (int i = 0; i < parts; i++)
        {
            ids.Add(selfRank[i]);
            starts?.Add(start[i]);
        }
    }

    /// <summary>
    /// The heap variant. Parts form a linked list over byte positions; the heap (the BCL's
    /// <see cref="PriorityQueue{TElement, TPriority}"/>) holds candidate merges by left position, with
    /// (rank, left position) packed into one long as the priority, so the smallest is the lowest rank and,
    /// among equals, the leftmost pair. A candidate is stale when its pair has changed since: it is used only
    /// if its position is alive and the rank recorded for that position's pair still matches.
    /// </summary>
    private static void EncodeWithHeap(ReadOnlySpan<byte> piece, ByteSequenceTable ranks, List<int> ids, List<int>? starts)
    {
        int n = piece.Length;
        int[] next = ArrayPool<int>.Shared.Rent(n);
        int[] previous = ArrayPool<int>.Shared.Rent(n);
        int[] pairRank = ArrayPool<int>.Shared.Rent(n);
        int[] selfRank = ArrayPool<int>.Shared.Rent(n);
        var heap = new PriorityQueue<int, long>(n);
        try
        {
            for (int i = 0; i < n; i++)
            {
                next[i] = i + 1;
                previous[i] = i - 1;
                selfRank[i] = ranks.OneByte(piece[i]);
                pairRank[i] = i + 1 < n ? ranks.TwoBytes(piece[i], piece[i + 1]) : -1;
                if (pairRank[i] >= 0)
                {
                    heap.Enqueue(i, Key(pairRank[i], i));
                }
            }

            while (heap.TryDequeue(out int left, out long key))
            {
                int rank = (int)(key >> 32);
                if (pairRank[left] != rank)
                {
                    continue;
                }

                int right = next[left];
                selfRank[left] = rank;
                pairRank[right] = -1;
                next[left] = next[right];
                if (next[left] < n)
                {
                    previous[next[left]] = left;
                }

                Recompute(piece, ranks, heap, next, pairRank, left);
                if (previous[left] >= 0)
                {
                    Recompute(piece, ranks, heap, next, pairRank, previous[left]);
                }
            }

            for (int i = 0; i < n; i = next[i])
            {
                ids.Add(selfRank[i]);
                starts?.Add(i);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(next);
            ArrayPool<int>.Shared.Return(previous);
            ArrayPool<int>.Shared.Return(pairRank);
            ArrayPool<int>.Shared.Return(selfRank);
        }
    }

    /// <summary>Looks up the rank of the pair that now starts at <paramref name="left"/> and queues it.</summary>
    private static void Recompute(ReadOnlySpan<byte> piece, ByteSequenceTable ranks, PriorityQueue<int, long> heap, int[] next, int[] pairRank, int left)
    {
        int right = next[left];
        pairRank[left] = right < piece.Length ? ranks.Find(piece[left..next[right]]) : -1;
        if (pairRank[left] >= 0)
        {
            heap.Enqueue(left, Key(pairRank[left], left));
        }
    }

    private static long Key(int rank, int position) => ((long)rank << 32) | (uint)position;

    private static int Rank(int value) => value < 0 ? int.MaxValue : value;
}
