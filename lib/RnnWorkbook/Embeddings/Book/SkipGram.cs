using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Embeddings;

/// <summary>
/// Skip-gram with negative sampling (the book's <c>SkipGram</c>, §4.3): the target word's input vector
/// predicts each of its C context words, each against k negatives; the losses of the C contexts add up.
/// </summary>
/// <remarks>
/// Shapes: contexts (N, C), targets (N), negatives (N·C, k), row n·C + c for context c of example n → L;
/// W_in (V, H), W_out (V, H).
/// <code>
///   h_n = W_in[t_n]
///   L = (1/N) Σ_n Σ_c [ −log σ(W_out[contexts_nc] · h_n) − Σ_j log σ(−W_out[neg_ncj] · h_n) ]
/// </code>
/// </remarks>
public sealed class SkipGram<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Embedding<T> _in;
    private readonly NegativeSamplingLoss<T> _loss;
    private int _c;
    private bool _forwarded;

    /// <summary>Creates the model with both matrices drawn as 0.01·N(0, 1).</summary>
    public SkipGram(int vocabularySize, int hiddenSize, int seed = Workbook.DefaultSeed)
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
    /// <summary>The summed negative-sampling loss of predicting every context word from its target.</summary>
    public T Forward(int[,] contexts, int[] targets, int[,] negatives)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(targets);
        _c = contexts.GetLength(1);

        var h = _in.Forward(new NdArray<int>(targets, targets.Length));  // (N, H): h_n = W_in[t_n]
        var contextIds = ContextWindows.Flatten(contexts).Data;          // row n·C + c: contexts_nc, scored against h_n
        var loss = _loss.Forward(Rows.Repeat(h, _c), contextIds, negatives) * T.CreateChecked(_c);

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
            throw new InvalidOperationException("SkipGram: call Forward before Backward.");
        }

        var dhRepeated = _loss.Backward(T.CreateChecked(_c));      // L = C · (the loss layer's mean)
        _in.Backward(Rows.SumGroups(dhRepeated, _c));              // h_n was used by C rows
    }
    #endregion
}
