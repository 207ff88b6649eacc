namespace RnnWorkbook.Torch;

/// <summary>
/// Draws the next token from a model's scores with a temperature and an optional top-k cut: what generates
/// the chapters' text, for the scratch models and the TorchSharp twins alike.
/// </summary>
/// <remarks>
/// <code>
///   p_i ∝ exp(s_i / τ)   for the k largest scores s_i (all when k = V), 0 for the rest
/// </code>
/// τ &lt; 1 sharpens the distribution (τ → 0 is greedy), τ &gt; 1 flattens it; k keeps the tail of unlikely
/// tokens out (Fan et al. 2018). Ties at the k-th score keep the lower ids, so the draw repeats exactly.
/// </remarks>
public static class TokenSampler
{
    /// <summary>The probabilities the next draw uses (zero outside the top k).</summary>
    /// <param name="scores">The unnormalised scores s (V).</param>
    /// <param name="temperature">τ &gt; 0, finite.</param>
    /// <param name="topK">k ≥ 1; k ≥ V keeps every token.</param>
    public static double[] Probabilities(ReadOnlySpan<float> scores, double temperature, int topK = int.MaxValue)
    {
        Validate(temperature, topK);
        if (scores.IsEmpty)
        {
            throw new ArgumentException("scores: expected at least one score.", nameof(scores));
        }

        int v = scores.Length, k = Math.Min(topK, v);
        var keep = new bool[v];
        var order = Enumerable.Range(0, v).ToArray();
        var copy = scores.ToArray();
        Array.Sort(order, (a, b) => copy[b].CompareTo(copy[a]) is var c && c != 0 ? c : a.CompareTo(b));
        for (int n = 0; n < k; n++)
        {
            keep[order[n]] = true;
        }

        double max = copy[order[0]];
        if (!double.IsFinite(max))
        {
            throw new ArgumentException($"scores: expected finite scores, got {max} (did training diverge?).", nameof(scores));
        }

        var p = new double[v];
        double sum = 0;
        for (int i = 0; i < v; i++)
        {
            p[i] = keep[i] ? Math.Exp((copy[i] - max) / temperature) : 0;
            sum += p[i];
        }

        for (int i = 0; i < v; i++)
        {
            p[i] /= sum;
        }

        return p;
    }

    /// <summary>Draws one index from <see cref="Probabilities"/> with <paramref name="random"/>.</summary>
    public static int Sample(ReadOnlySpan<float> scores, double temperature, Random random, int topK = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(random);
        var p = Probabilities(scores, temperature, topK);
        double u = random.NextDouble(), cumulative = 0;
        int last = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] == 0)
            {
                continue;
            }

            last = i;
            cumulative += p[i];
            if (u < cumulative)
            {
                return i;
            }
        }

        return last;
    }

    /// <summary>Fails, naming the argument, unless τ &gt; 0 is finite and k ≥ 1.</summary>
    public static void Validate(double temperature, int topK)
    {
        if (!(temperature > 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature,
                "temperature: expected a finite number above 0 (1 samples the model as it is; near 0 is nearly greedy).");
        }

        if (topK < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(topK), topK, "topK: expected at least 1 (1 is greedy; the vocabulary size keeps every token).");
        }
    }
}
