using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Embeddings;

/// <summary>
/// Skip-gram with negative sampling (the book's <c>SkipGram</c>, §4.3): the target word's input vector
/// predicts each of its C context words, each against k negatives; the losses of the C contexts add up.
/// </summary>
/// <remarks>
/// Shapes: contexts (N, C), targets (N), negatives (N·C, k), row n·C + c for context c of example n → L.
/// <code>
///   h_n = W_in[t_n]
///   L = (1/N) Σ_n Σ_c [ −log σ(W_out[contexts_nc] · h_n) − Σ_j log σ(−W_out[neg_ncj] · h_n) ]
/// </code>
/// </remarks>
public sealed class SkipGram<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Embedding<T> _in;
    private readonly NegativeSamplingLoss<T> _loss;
    private int _n, _c;

    /// <summary>Creates the model with both matrices drawn as 0.01·N(0, 1).</summary>
    public SkipGram(int vocabSize, int hiddenSize, int seed = Workbook.DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabSize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        var random = new NormalRandom(seed);
        _in = new Embedding<T>(random.Randn<T>(0.01, vocabSize, hiddenSize));
        _loss = new NegativeSamplingLoss<T>(random.Randn<T>(0.01, vocabSize, hiddenSize));
        Params = [_in.Params[0], _loss.Params[0]];
        Grads = [_in.Grads[0], _loss.Grads[0]];
    }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Params { get; }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Grads { get; }

    /// <summary>The word vectors: the rows of W_in.</summary>
    public NdArray<T> WordVectors => _in.Params[0];

    #region Forward
    /// <summary>The summed negative-sampling loss of predicting every context word from its target.</summary>
    public T Forward(int[,] contexts, int[] targets, int[,] negatives)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(targets);
        (_n, _c) = (contexts.GetLength(0), contexts.GetLength(1));
        var h = _in.Forward(new NdArray<int>(targets, targets.Length));   // (N, H)
        int hidden = h.Dim(1);
        var hRepeated = new NdArray<T>(_n * _c, hidden);                  // row n·C + c holds h_n
        var contextIds = new int[_n * _c];
        for (int row = 0; row < _n * _c; row++)
        {
            contextIds[row] = contexts[row / _c, row % _c];
            h.Data.AsSpan(row / _c * hidden, hidden).CopyTo(hRepeated.Data.AsSpan(row * hidden, hidden));
        }

        return _loss.Forward(hRepeated, contextIds, negatives) * T.CreateChecked(_c);
    }
    #endregion

    /// <summary>Fills the gradients of W_in and W_out for the last Forward.</summary>
    public void Backward()
    {
        var dhRepeated = _loss.Backward(T.CreateChecked(_c));           // L = C · (the loss layer's mean)
        int hidden = dhRepeated.Dim(1);
        var dh = new NdArray<T>(_n, hidden);
        for (int row = 0; row < _n * _c; row++)
        {
            for (int k = 0; k < hidden; k++)
            {
                dh[row / _c, k] += dhRepeated[row, k];
            }
        }

        _in.Backward(dh);
    }
}
