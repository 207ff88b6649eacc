namespace RnnWorkbook.Vectors;

/// <summary>
/// The co-occurrence matrix (동시발생 행렬) of "Deep Learning from Scratch 2", chapter 2: entry (w, c) counts how
/// often word c appears within <c>window</c> positions of word w, inside a sentence. Words outside the
/// vocabulary keep their positions (distances are real) but are not counted.
/// </summary>
public static class Cooccurrence
{
    /// <summary>The most frequent words of <paramref name="sentences"/> (ties in first-seen order), at least <paramref name="minCount"/> times each.</summary>
    public static IReadOnlyList<string> Vocabulary(IEnumerable<IReadOnlyList<string>> sentences, int maxWords, int minCount = 1)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWords, 1);
        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var word in sentence)
            {
                counts[word] = counts.TryGetValue(word, out var seen) ? (seen.Count + 1, seen.First) : (1, counts.Count);
            }
        }

        return counts.Where(p => p.Value.Count >= minCount).OrderByDescending(p => p.Value.Count).ThenBy(p => p.Value.First)
            .Take(maxWords).Select(p => p.Key).ToArray();
    }

    #region Count
    /// <summary>The symmetric (V, V) count matrix of the vocabulary's words.</summary>
    /// <param name="sentences">Tokenized sentences (windows do not cross sentence ends).</param>
    /// <param name="vocabulary">The words of the rows and columns, in order.</param>
    /// <param name="window">How many positions to each side count as context (1 or more).</param>
    public static CsrMatrix Count(IEnumerable<IReadOnlyList<string>> sentences, IReadOnlyList<string> vocabulary, int window)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var index = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
            index.Add(vocabulary[i], i);

        // Every (word, context) pair as one 64-bit key (row << 32 | column); sorting the keys groups equal pairs.
        var keys = new List<long>();
        var ids = new List<int>();
        foreach (var sentence in sentences)
        {
            ids.Clear();
            foreach (var word in sentence)
                ids.Add(index.TryGetValue(word, out var id) ? id : -1);
            for (var i = 0; i < ids.Count; i++)
            {
                if (ids[i] < 0)
                    continue;
                for (var j = Math.Max(0, i - window); j <= Math.Min(ids.Count - 1, i + window); j++)
                {
                    if (j != i && ids[j] >= 0)
                        keys.Add(((long)ids[i] << 32) | (uint)ids[j]);
                }
            }
        }

        var sorted = keys.ToArray();
        Array.Sort(sorted);
        var pointers = new int[vocabulary.Count + 1];
        var columns = new List<int>();
        var values = new List<double>();
        for (var k = 0; k < sorted.Length;)
        {
            var end = k;
            while (end < sorted.Length && sorted[end] == sorted[k])
                end++;
            pointers[(int)(sorted[k] >> 32) + 1]++;
            columns.Add((int)(sorted[k] & 0xFFFF_FFFF));
            values.Add(end - k);
            k = end;
        }

        for (var r = 0; r < vocabulary.Count; r++)
            pointers[r + 1] += pointers[r];
        return new CsrMatrix(vocabulary.Count, vocabulary.Count, pointers, columns.ToArray(), values.ToArray());
    }
    #endregion

    #region Ppmi
    /// <summary>
    /// Positive pointwise mutual information (양의 상호정보량):
    /// <c>PPMI(w, c) = max(0, log2( C(w,c) · N / (C(w) · C(c)) ))</c>, with C(w) the row sums and N the total.
    /// With <paramref name="contextSmoothing"/> α &lt; 1 the context counts are raised to α first (Levy, Goldberg
    /// and Dagan 2015 use 0.75), which lowers the PMI of pairs with rare contexts.
    /// </summary>
    public static CsrMatrix Ppmi(CsrMatrix counts, double contextSmoothing = 1.0)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (!(contextSmoothing > 0 && contextSmoothing <= 1))
            throw new ArgumentOutOfRangeException(nameof(contextSmoothing), contextSmoothing, "contextSmoothing must be in (0, 1].");
        var rowSums = new double[counts.Rows];
        for (var r = 0; r < counts.Rows; r++)
        {
            foreach (var v in counts.Row(r).Values)
                rowSums[r] += v;
        }

        var total = rowSums.Sum();
        var context = counts.ColumnSums().Select(c => Math.Pow(c, contextSmoothing)).ToArray();
        var contextTotal = context.Sum();

        var pointers = new int[counts.Rows + 1];
        var columns = new List<int>();
        var values = new List<double>();
        for (var r = 0; r < counts.Rows; r++)
        {
            var row = counts.Row(r);
            for (var k = 0; k < row.Count; k++)
            {
                var c = row.Indices[k];
                var pmi = Math.Log2(row.Values[k] / total / (rowSums[r] / total * (context[c] / contextTotal)));
                if (pmi > 0)
                {
                    columns.Add(c);
                    values.Add(pmi);
                }
            }

            pointers[r + 1] = columns.Count;
        }

        return new CsrMatrix(counts.Rows, counts.Columns, pointers, columns.ToArray(), values.ToArray());
    }
    #endregion
}
