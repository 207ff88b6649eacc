using RnnWorkbook.Data;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Embeddings;

/// <summary>The intrinsic benchmarks of word vectors: word-pair similarity (WordSim353, SimLex-999) and analogies (Mikolov et al. 2013).</summary>
/// <remarks>Words are compared lowercased, as the chapters' corpora are (gensim's <c>case_insensitive=True</c>).</remarks>
public static class EmbeddingEvaluation
{
    /// <summary>The analogy search space of the chapter: the 30,000 most frequent words.</summary>
    public const int DefaultAnalogyVocabulary = 30_000;

    #region Similarity
    /// <summary>Spearman's ρ between cos(first, second) and the human score, over the pairs whose both words have vectors.</summary>
    public static SimilarityScore Similarity(WordVectors vectors, IReadOnlyList<WordPair> pairs, string name)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(pairs);
        var human = new List<double>();
        var model = new List<double>();
        foreach (var pair in pairs)
        {
            string a = pair.First.ToLowerInvariant(), b = pair.Second.ToLowerInvariant();
            if (vectors.Contains(a) && vectors.Contains(b))
            {
                human.Add(pair.Score);
                model.Add(vectors.Similarity(a, b));
            }
        }

        double rho = human.Count >= 2 ? Spearman.Correlation(human, model) : double.NaN;
        return new SimilarityScore(name, rho, human.Count, pairs.Count);
    }
    #endregion

    #region Analogies
    /// <summary>
    /// 3CosAdd on every question whose four words are among the first <paramref name="restrictTo"/> rows
    /// (the most frequent words): the answer is the row nearest to b̂ − â + ĉ other than a, b and c.
    /// </summary>
    public static AnalogyScore Analogies(WordVectors vectors, IReadOnlyList<AnalogyQuestion> questions, int restrictTo = DefaultAnalogyVocabulary)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentOutOfRangeException.ThrowIfLessThan(restrictTo, 1);
        int rows = Math.Min(restrictTo, vectors.Count), d = vectors.Dimension;
        int Id(string word)
        {
            int id = vectors.IdOf(word.ToLowerInvariant());
            return id < rows ? id : -1;
        }

        var answerable = new List<(int Question, int A, int B, int C, int D)>();
        for (int q = 0; q < questions.Count; q++)
        {
            var (a, b, c, e) = (Id(questions[q].A), Id(questions[q].B), Id(questions[q].C), Id(questions[q].D));
            if (a >= 0 && b >= 0 && c >= 0 && e >= 0)
            {
                answerable.Add((q, a, b, c, e));
            }
        }

        float[] unit = vectors.UnitRows();
        var correct = new bool[questions.Count];
        const int Batch = 256;
        Parallel.For(0, (answerable.Count + Batch - 1) / Batch, batch =>
        {
            int first = batch * Batch, count = Math.Min(Batch, answerable.Count - first);
            var queries = new float[d * count];                                 // (D, count): column i is b̂ − â + ĉ of question i
            for (int i = 0; i < count; i++)
            {
                var (_, a, b, c, _) = answerable[first + i];
                for (int k = 0; k < d; k++)
                {
                    queries[k * count + i] = unit[b * d + k] - unit[a * d + k] + unit[c * d + k];
                }
            }

            var scores = new float[rows * count];                               // (rows, count) = Û queries; the small matrix stays in cache
            Gemm.Multiply<float>(rows, count, d, unit.AsSpan(0, rows * d), d, 1, queries, count, scores, count, accumulate: false);
            var best = new int[count];
            var bestScore = new float[count];
            Array.Fill(bestScore, float.NegativeInfinity);
            for (int j = 0; j < rows; j++)                                      // row by row, so scores are read in order
            {
                for (int i = 0; i < count; i++)
                {
                    float s = scores[j * count + i];
                    if (s > bestScore[i])
                    {
                        var (_, a, b, c, _) = answerable[first + i];
                        if (j != a && j != b && j != c)
                        {
                            (best[i], bestScore[i]) = (j, s);
                        }
                    }
                }
            }

            for (int i = 0; i < count; i++)
            {
                correct[answerable[first + i].Question] = best[i] == answerable[first + i].D;
            }
        });

        var answered = new bool[questions.Count];
        foreach (var item in answerable)
        {
            answered[item.Question] = true;
        }

        var sections = questions.Select((q, i) => (q.Section, i)).GroupBy(p => p.Section)
            .Select(g => new AnalogySection(g.Key, g.Count(p => correct[p.i]), g.Count(p => answered[p.i]), g.Count())).ToList();
        return new AnalogyScore(sections, rows);
    }
    #endregion
}
