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
    private int _n, _c;

    /// <summary>Creates the model with both matrices drawn as 0.01·N(0, 1).</summary>
    public Cbow(int vocabSize, int hiddenSize, int seed = Workbook.DefaultSeed)
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
    /// <summary>The negative-sampling loss of predicting each target from the mean of its contexts.</summary>
    public T Forward(int[,] contexts, int[] targets, int[,] negatives)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        (_n, _c) = (contexts.GetLength(0), contexts.GetLength(1));
        var ids = new NdArray<int>(_n * _c);
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = contexts[i / _c, i % _c];
        }

        var x = _in.Forward(ids);                              // (N·C, H)
        int hidden = x.Dim(1);
        var h = new NdArray<T>(_n, hidden);
        T scale = T.One / T.CreateChecked(_c);
        for (int i = 0; i < _n * _c; i++)
        {
            for (int k = 0; k < hidden; k++)
            {
                h[i / _c, k] += x[i, k] * scale;
            }
        }

        return _loss.Forward(h, targets, negatives);
    }
    #endregion

    /// <summary>Fills the gradients of W_in and W_out for the last Forward.</summary>
    public void Backward()
    {
        var dh = _loss.Backward(T.One);
        int hidden = dh.Dim(1);
        var dx = new NdArray<T>(_n * _c, hidden);
        T scale = T.One / T.CreateChecked(_c);
        for (int i = 0; i < _n * _c; i++)
        {
            for (int k = 0; k < hidden; k++)
            {
                dx[i, k] = dh[i / _c, k] * scale;
            }
        }

        _in.Backward(dx);
    }
}
