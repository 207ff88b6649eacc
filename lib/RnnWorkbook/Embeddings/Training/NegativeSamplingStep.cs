namespace RnnWorkbook.Embeddings;

/// <summary>
/// One word2vec update with negative sampling, as word2vec.c computes it: the input vector h scores the target
/// word (label 1) and k words drawn from the unigram^0.75 table (label 0); each output vector moves by g·h and
/// the input's gradient collects in e, which the caller adds to every input row afterwards.
/// </summary>
/// <remarks>
/// <code>
///   f = h · v_w        g = η (label − σ(f))        e += g v_w        v_w += g h        loss += −log σ(±f)
/// </code>
/// σ and −log σ come from 1,000-entry tables over (−6, 6); outside, σ is taken as 0 or 1, as in word2vec.c.
/// </remarks>
public static class NegativeSamplingStep
{
    /// <summary>Scores beyond ±MaxExp saturate the sigmoid.</summary>
    public const float MaxExp = 6;

    private const int TableSize = 1000;
    private static readonly float[] _sigmoid = BuildSigmoid();
    private static readonly float[] _minusLogSigmoid = [.. _sigmoid.Select(p => -MathF.Log(p))];

    #region Step
    /// <summary>Updates the output rows of the target and k negatives; adds the input's gradient into e; returns the loss (NaN when a score was NaN).</summary>
    public static double Step(Span<float> h, Span<float> e, float[] output, int target, int negatives, int[] table, float learningRate, ref ulong random)
    {
        int d = h.Length;
        double loss = 0;
        for (int j = 0; j <= negatives; j++)
        {
            int word = target;
            float label = 1;
            if (j > 0)
            {
                random = random * 25214903917 + 11;                         // word2vec.c's generator
                word = table[(int)((random >> 16) % (ulong)table.Length)];
                if (word == target)
                {
                    continue;
                }

                label = 0;
            }

            Span<float> v = output.AsSpan(word * d, d);
            float f = VectorKernels.Dot(h, v);                              // the score h·v
            if (float.IsNaN(f))
            {
                return double.NaN;
            }

            float g = (label - NegativeSamplingStep.Sigmoid(f)) * learningRate;
            loss += NegativeSamplingStep.MinusLogSigmoid(label == 1 ? f : -f);
            VectorKernels.AccumulateAndUpdate(e, v, h, g);                  // e += g v;  v += g h
        }

        return loss;
    }
    #endregion

    /// <summary>σ(x) from the table; 0 or 1 beyond ±MaxExp.</summary>
    public static float Sigmoid(float x) => x >= MaxExp ? 1 : x <= -MaxExp ? 0 : _sigmoid[Index(x)];

    /// <summary>−log σ(x) from the table; 0 above MaxExp and −x below −MaxExp.</summary>
    public static float MinusLogSigmoid(float x) => x >= MaxExp ? 0 : x <= -MaxExp ? -x : _minusLogSigmoid[Index(x)];

    /// <summary>The table entry of x in (−6, 6); float rounding can reach the end, so it is clamped.</summary>
    private static int Index(float x) => Math.Min((int)((x + MaxExp) * (TableSize / MaxExp / 2)), TableSize - 1);

    private static float[] BuildSigmoid()
    {
        var table = new float[TableSize];
        for (int i = 0; i < TableSize; i++)
        {
            double e = Math.Exp(((i / (double)TableSize * 2) - 1) * MaxExp);
            table[i] = (float)(e / (e + 1));
        }

        return table;
    }
}
