using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Embeddings;

/// <summary>
/// CBOW with negative sampling (the book's improved <c>CBOW</c>, §4.3): the mean of the context words' input
/// vectors predicts the target, scored against k sampled negatives.
/// </summary>
/// <remarks>
/// Shapes: contexts (N, C), targets (N), negatives (N, k) → L; W_in (V, H), W_out (V, H).
/// <code>
///   h_n = (1/C) Σ_c W_in[contexts_nc]
///   L = (1/N) Σ_n [ −log σ(W_out[t_n] · h_n) − Σ_j log σ(−W_out[neg_nj] · h_n) ]
/// </code>
/// </remarks>
public sealed class Cbow<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Embedding<T> _in;
    private readonly NegativeSamplingLoss<T> _loss;
    private int _c;
    private bool _forwarded;

    /// <summary>Creates the model with both matrices drawn as 0.01·N(0, 1).</summary>
    public Cbow(int vocabularySize, int hiddenSize, int seed = Workbook.DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        var random = new NormalRandom(seed);
        _in = new Embedding<T>(new Parameter<T>("W_in", random.Randn<T>(0.01, vocabularySize, hiddenSize)));
        _loss = new NegativeSamplingLoss<T>(new Parameter<T>("W_out", random.Randn<T>(0.01, vocabularySize, hiddenSize)));
        Parameters = [.. _in.Parameters, .. _loss.Parameters];
    }

    /// <summary>W_in (V, H), W_out (V, H).</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>The word vectors: the rows of W_in.</summary>
    public NdArray<T> WordVectors => Parameters[0].Value;

    #region Forward
    /// <summary>The negative-sampling loss of predicting each target from the mean of its contexts.</summary>
    public T Forward(int[,] contexts, int[] targets, int[,] negatives)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        _c = contexts.GetLength(1);

        var x = _in.Forward(ContextWindows.Flatten(contexts));            // (N·C, H)
        var h = Rows.SumGroups(x, _c) * (T.One / T.CreateChecked(_c));  // (N, H): h_n = (1/C) Σ_c W_in[contexts_nc]
        var loss = _loss.Forward(h, targets, negatives);

        _forwarded = true;
        return loss;
    }
    #endregion

    #region Backward
    /// <summary>Adds the gradients of W_in and W_out for the last Forward.</summary>
    public void Backward()
    {
        if (!_forwarded)
        {
            throw new InvalidOperationException("Cbow: call Forward before Backward.");
        }

        var dh = _loss.Backward(T.One);
        _in.Backward(Rows.Repeat(dh * (T.One / T.CreateChecked(_c)), _c));  // each context word gets dh_n / C
    }
    #endregion
}
