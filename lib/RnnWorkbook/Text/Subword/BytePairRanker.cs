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

    private static void EncodeWithHeap(ReadOnlySpan<byte> piece, ByteSequenceTable ranks, List<int> ids, List<int>? starts)
    {
        int n = piece.Length;
        var next = new int[n];
        var previous = new int[n];
        var version = new int[n];
        var selfRank = new int[n];
        var alive = new bool[n];
        var heap = new PriorityQueue<(int Position, int Version), (int Rank, int Position)>(n);
        for (int i = 0; i < n; i++)
        {
            next[i] = i + 1;
            previous[i] = i - 1;
            alive[i] = true;
            selfRank[i] = ranks.OneByte(piece[i]);
        }

        for (int i = 0; i + 1 < n; i++)
        {
            int rank = ranks.TwoBytes(piece[i], piece[i + 1]);
            if (rank >= 0)
            {
                heap.Enqueue((i, 0), (rank, i));
            }
        }

        while (heap.TryDequeue(out (int Position, int Version) entry, out (int Rank, int Position) priority))
        {
            int left = entry.Position;
            if (!alive[left] || version[left] != entry.Version)
            {
                continue;
            }

            int right = next[left];
            selfRank[left] = priority.Rank;
            alive[right] = false;
            next[left] = next[right];
            if (next[left] < n)
            {
                previous[next[left]] = left;
            }

            version[left]++;
            PushPair(piece, ranks, heap, next, version, left);
            int before = previous[left];
            if (before >= 0)
            {
                version[before]++;
                PushPair(piece, ranks, heap, next, version, before);
            }
        }

        for (int i = 0; i < n; i = next[i])
        {
            ids.Add(selfRank[i]);
            starts?.Add(i);
        }
    }

    private static void PushPair(
        ReadOnlySpan<byte> piece, ByteSequenceTable ranks, PriorityQueue<(int, int), (int, int)> heap, int[] next, int[] version, int left)
    {
        int right = next[left];
        if (right >= piece.Length)
        {
            return;
        }

        int end = next[right];
        int rank = ranks.Find(piece[left..end]);
        if (rank >= 0)
        {
            heap.Enqueue((left, version[left]), (rank, left));
        }
    }

    private static int Rank(int value) => value < 0 ? int.MaxValue : value;
}
