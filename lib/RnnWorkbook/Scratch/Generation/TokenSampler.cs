using System.Numerics.Tensors;

namespace RnnWorkbook.Scratch;

/// <summary>
/// Draws the next token from a model's scores: softmax(s / τ) over the tokens that are not excluded, cut to
/// the k most likely. What generates the chapters' text, for the scratch models and the TorchSharp twins alike.
/// </summary>
/// <remarks>
/// <code>
///   p_i = exp(s_i / τ) / Σ_j exp(s_j / τ)   over the kept tokens (the k largest scores that are not excluded), 0 for the rest
/// </code>
/// τ = 1 samples the model's own distribution; τ &lt; 1 sharpens it towards the most likely token (τ → 0 is
/// greedy argmax), τ &gt; 1 flattens it towards uniform. τ ≤ 0 has no meaning and is refused. k keeps the tail
/// of unlikely tokens out (Fan et al. 2018); ties at the k-th score keep the lower ids, so a draw repeats exactly.
/// Excluded ids (e.g. &lt;unk&gt;) are never drawn; the others are renormalised.
/// </remarks>
public static class TokenSampler
{
    /// <summary>Draws an index from <see cref="Probabilities"/> with one <see cref="Random.NextDouble"/> of <paramref name="random"/>.</summary>
    /// <param name="scores">Unnormalised log-probabilities s (V).</param>
    /// <param name="temperature">τ &gt; 0, finite.</param>
    /// <param name="random">The source of the draw.</param>
    /// <param name="excluded">Indices never drawn.</param>
    /// <param name="topK">k ≥ 1; k ≥ V keeps every token.</param>
    public static int Sample(ReadOnlySpan<float> scores, double temperature, Random random, IReadOnlySet<int>? excluded = null, int topK = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(random);
        var p = Probabilities(scores, temperature, excluded, topK);
        double u = random.NextDouble(), cumulative = 0;
        int last = -1;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] == 0)
            {
                continue;
            }

            cumulative += p[i];
            last = i;
            if (u < cumulative)
            {
                return i;
            }
        }

        return last; // u fell in the rounding gap just below 1
    }

    /// <summary>The probabilities the next draw uses: softmax(<paramref name="scores"/> / <paramref name="temperature"/>) over the kept tokens, 0 elsewhere.</summary>
    /// <param name="scores">Unnormalised log-probabilities s (V).</param>
    /// <param name="temperature">τ &gt; 0, finite.</param>
    /// <param name="excluded">Indices set to 0 (the others are renormalised).</param>
    /// <param name="topK">k ≥ 1: only the k largest scores that are not excluded are kept; k ≥ V keeps every token.</param>
    public static double[] Probabilities(ReadOnlySpan<float> scores, double temperature, IReadOnlySet<int>? excluded = null, int topK = int.MaxValue)
    {
        Validate(temperature, topK);
        if (scores.IsEmpty)
        {
            throw new ArgumentException("scores: empty.", nameof(scores));
        }

        var keep = new bool[scores.Length];
        var candidates = new List<int>(scores.Length);
        for (int i = 0; i < scores.Length; i++)
        {
            if (excluded?.Contains(i) != true)
            {
                candidates.Add(i);
            }
        }

        if (candidates.Count == 0)
        {
            throw new ArgumentException("excluded: every index is excluded.", nameof(excluded));
        }

        if (topK < candidates.Count)
        {
            var copy = scores.ToArray();
            candidates.Sort((a, b) => copy[b].CompareTo(copy[a]) is var c && c != 0 ? c : a.CompareTo(b));
            candidates.RemoveRange(topK, candidates.Count - topK);
        }

        double max = double.NegativeInfinity;
        foreach (int i in candidates)
        {
            keep[i] = true;
            max = Math.Max(max, scores[i]);
        }

        if (!double.IsFinite(max))
        {
            throw new ArgumentException($"scores: expected finite scores, got {max} (did training diverge?).", nameof(scores));
        }

        var p = new double[scores.Length];
        double sum = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            p[i] = keep[i] ? Math.Exp((scores[i] - max) / temperature) : 0;
            sum += p[i];
        }

        TensorPrimitives.Divide(p, sum, p);
        return p;
    }

    /// <summary>Fails, naming the argument, unless τ &gt; 0 is finite and k ≥ 1: what a generator checks before any work.</summary>
    public static void Validate(double temperature, int topK = int.MaxValue)
    {
        if (!(temperature > 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature,
                "temperature must be a finite number above 0 (1 samples the model as it is; near 0 is nearly greedy).");
        }

        if (topK < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(topK), topK, "topK: expected at least 1 (1 is greedy; the vocabulary size keeps every token).");
        }
    }
}
