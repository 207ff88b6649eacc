using System.Numerics.Tensors;

namespace RnnWorkbook.Scratch;

/// <summary>
/// Text from a language model: the next token is drawn from softmax(scores / τ), fed back, and so on.
/// </summary>
/// <remarks>
/// <code>
///   p_i = exp(s_i / τ) / Σ_j exp(s_j / τ)
/// </code>
/// τ = 1 samples the model's own distribution; τ &lt; 1 sharpens it towards the most likely token (τ → 0 is
/// greedy argmax), τ &gt; 1 flattens it towards uniform. τ ≤ 0 has no meaning and is refused.
/// </remarks>
public static class TemperatureSampling
{
    /// <summary>Draws an index from softmax(<paramref name="scores"/> / <paramref name="temperature"/>).</summary>
    /// <param name="scores">Unnormalised log-probabilities (logits).</param>
    /// <param name="temperature">τ &gt; 0.</param>
    /// <param name="random">The source of the draw.</param>
    /// <param name="excluded">Indices never drawn (e.g. &lt;unk&gt;); the others are renormalised.</param>
    public static int Sample(ReadOnlySpan<float> scores, double temperature, Random random, IReadOnlySet<int>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        var p = Probabilities(scores, temperature, excluded);
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

    /// <summary>softmax(<paramref name="scores"/> / <paramref name="temperature"/>), with <paramref name="excluded"/> set to 0.</summary>
    public static double[] Probabilities(ReadOnlySpan<float> scores, double temperature, IReadOnlySet<int>? excluded = null)
    {
        if (!(temperature > 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature,
                "temperature must be a finite number above 0 (1 samples the model as it is; near 0 is nearly greedy).");
        }

        if (scores.IsEmpty)
        {
            throw new ArgumentException("scores: empty.", nameof(scores));
        }

        double max = double.NegativeInfinity;
        for (int i = 0; i < scores.Length; i++)
        {
            if (excluded?.Contains(i) != true)
            {
                max = Math.Max(max, scores[i]);
            }
        }

        if (double.IsNegativeInfinity(max))
        {
            throw new ArgumentException("excluded: every index is excluded.", nameof(excluded));
        }

        var p = new double[scores.Length];
        double sum = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            p[i] = excluded?.Contains(i) == true ? 0 : Math.Exp((scores[i] - max) / temperature);
            sum += p[i];
        }

        TensorPrimitives.Divide(p, sum, p);
        return p;
    }

    /// <summary>
    /// Reads <paramref name="prompt"/> and then writes <paramref name="count"/> tokens, each drawn at
    /// <paramref name="temperature"/> and fed back as the next input. The same seed gives the same text.
    /// </summary>
    /// <param name="model">A stateful model; its state is reset before and after.</param>
    /// <param name="prompt">At least one id.</param>
    /// <param name="count">Tokens to generate.</param>
    /// <param name="temperature">τ &gt; 0.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="excluded">Ids never generated.</param>
    /// <returns>The generated ids, without the prompt.</returns>
    public static int[] Generate(
        SimpleRnnLm<float> model, IReadOnlyList<int> prompt, int count, double temperature, int seed = Workbook.DefaultSeed,
        IReadOnlySet<int>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (prompt.Count == 0)
        {
            throw new ArgumentException("prompt: at least one id is needed to start from.", nameof(prompt));
        }

        _ = Probabilities([0f], temperature); // refuse a bad temperature before any work
        var random = new Random(seed);
        var output = new int[count];
        model.ResetState();
        var input = new NdArray<int>([.. prompt], 1, prompt.Count);
        for (int n = 0; n < count; n++)
        {
            var scores = model.Predict(input);
            int v = scores.Dim(2), last = scores.Dim(1) - 1;
            output[n] = Sample(scores.Data.AsSpan(last * v, v), temperature, random, excluded);
            input = new NdArray<int>([output[n]], 1, 1);
        }

        model.ResetState();
        return output;
    }
}
