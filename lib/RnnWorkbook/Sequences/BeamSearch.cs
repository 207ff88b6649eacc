namespace RnnWorkbook.Sequences;

/// <summary>One output sequence of a search: its tokens (without start and end), log-probability, and whether it ended with the end token.</summary>
public sealed record BeamHypothesis(IReadOnlyList<int> Tokens, double LogProbability, bool Finished);

/// <summary>
/// Beam search over a decoder given as a step function: keep the <c>k</c> most probable partial outputs, extend each
/// by every token, keep the k best extensions; width 1 is greedy decoding.
/// </summary>
/// <remarks>
/// <code>
///   score(y_1 … y_t) = Σ_i log p(y_i | y_&lt;i, x)             (no length normalisation)
///   each step: the k best of all (hypothesis, token) extensions; those ending with the end token are finished,
///              the others stay live (so the beam shrinks as hypotheses finish)
///   stop when no hypothesis is live, when the best finished score ≥ the best live score (a score can only fall),
///        or after maxLength tokens (the live ones are returned unfinished: the length limit)
/// </code>
/// Extensions of probability 0 (log-probability −∞) are never kept. The decoder state is a batch (one row per live hypothesis): <c>step</c> scores the next token of every row,
/// <c>select</c> keeps the given rows, in order and possibly repeated. Ties go to the lower row, then the lower token id.
/// </remarks>
public static class BeamSearch
{
    /// <summary>The hypotheses found, best first: the finished ones, or when none finished, the live ones at the length limit.</summary>
    /// <param name="initial">The decoder state for a batch of one row.</param>
    /// <param name="startId">The token fed first.</param>
    /// <param name="endId">The token that ends an output.</param>
    /// <param name="beamWidth">k ≥ 1.</param>
    /// <param name="maxLength">The longest output (tokens before the end token).</param>
    /// <param name="step">(state, last token of each row) → (log-probabilities over the vocabulary per row, next state).</param>
    /// <param name="select">(state, rows) → the state of those rows.</param>
    /// <exception cref="ArgumentOutOfRangeException">beamWidth &lt; 1 or maxLength &lt; 1.</exception>
    public static IReadOnlyList<BeamHypothesis> Search<TState>(TState initial, int startId, int endId, int beamWidth, int maxLength,
        Func<TState, int[], (float[][] LogProbabilities, TState Next)> step, Func<TState, int[], TState> select)
    {
        if (beamWidth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(beamWidth), beamWidth, "beamWidth: the beam must keep at least one hypothesis (1 is greedy decoding).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(select);

        var live = new List<(List<int> Tokens, double Score)> { ([], 0) };
        var finished = new List<BeamHypothesis>();
        var state = initial;
        int[] last = [startId];
        for (int t = 0; t < maxLength && live.Count > 0; t++)
        {
            var (logProbabilities, next) = step(state, last);
            var candidates = new List<(double Score, int Row, int Token)>();
            for (int row = 0; row < live.Count; row++)
            {
                for (int token = 0; token < logProbabilities[row].Length; token++)
                {
                    candidates.Add((live[row].Score + logProbabilities[row][token], row, token));
                }
            }

            candidates.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Token.CompareTo(b.Token));
            var kept = new List<(List<int> Tokens, double Score)>();
            var rows = new List<int>();
            foreach (var (score, row, token) in candidates.Take(beamWidth).Where(c => c.Score > double.NegativeInfinity))
            {
                if (token == endId)
                {
                    finished.Add(new BeamHypothesis([.. live[row].Tokens], score, Finished: true));
                }
                else
                {
                    kept.Add(([.. live[row].Tokens, token], score));
                    rows.Add(row);
                }
            }

            live = kept;
            if (live.Count == 0 || (finished.Count > 0 && finished.Max(f => f.LogProbability) >= live.Max(l => l.Score)))
            {
                live.Clear();
                break;
            }

            state = select(next, [.. rows]);
            last = [.. live.Select(l => l.Tokens[^1])];
        }

        var result = finished.Count > 0
            ? finished
            : [.. live.Select(l => new BeamHypothesis(l.Tokens, l.Score, Finished: false))];
        return [.. result.OrderByDescending(h => h.LogProbability)];
    }
}
