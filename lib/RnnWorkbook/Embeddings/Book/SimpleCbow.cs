using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Embeddings;

/// <summary>
/// The book's simple CBOW (§3.4): average the input vectors of the context words, score every word of the
/// vocabulary with the output matrix, and take softmax cross-entropy against the target word.
/// </summary>
/// <remarks>
/// Shapes: contexts (N, C), targets (N) → L; W_in (V, H), W_out (H, V).
/// <code>
///   h = (1/C) Σ_c W_in[context_c]      s = h W_out      L = −(1/N) Σ_n log softmax(s_n)[target_n]
/// </code>
/// The full softmax costs O(V·H) per example, which is what negative sampling removes.
/// </remarks>
public sealed class SimpleCbow<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Embedding<T> _in;
    private readonly MatMul<T> _out;
    private readonly TimeSoftmaxWithLoss<T> _loss = new();
    private int _n, _c;

    /// <summary>Creates the model with W_in and W_out drawn as 0.01·N(0, 1) (the book's initialization).</summary>
    public SimpleCbow(int vocabSize, int hiddenSize, int seed = Workbook.DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabSize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        var random = new NormalRandom(seed);
        _in = new Embedding<T>(random.Randn<T>(0.01, vocabSize, hiddenSize));
        _out = new MatMul<T>(random.Randn<T>(0.01, hiddenSize, vocabSize));
        Params = [_in.Params[0], _out.Params[0]];
        Grads = [_in.Grads[0], _out.Grads[0]];
    }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Params { get; }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Grads { get; }

    /// <summary>The word vectors: the rows of W_in.</summary>
    public NdArray<T> WordVectors => _in.Params[0];

    #region Forward
    /// <summary>The mean cross-entropy of predicting each target from its contexts.</summary>
    public T Forward(int[,] contexts, int[] targets)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(targets);
        (_n, _c) = (contexts.GetLength(0), contexts.GetLength(1));
        if (targets.Length != _n)
        {
            throw new ArgumentException($"targets: expected {_n} ids (one per row of contexts), got {targets.Length}.", nameof(targets));
        }

        var ids = new NdArray<int>(_n * _c);
        for (int i = 0; i < _n; i++)
        {
            for (int c = 0; c < _c; c++)
            {
                ids[i * _c + c] = contexts[i, c];
            }
        }

        var x = _in.Forward(ids);                                  // (N·C, H)
        int hidden = x.Dim(1);
        var h = new NdArray<T>(_n, hidden);                        // h = mean of the context vectors
        T scale = T.One / T.CreateChecked(_c);
        for (int i = 0; i < _n * _c; i++)
        {
            for (int k = 0; k < hidden; k++)
            {
                h[i / _c, k] += x[i, k] * scale;
            }
        }

        var s = _out.Forward(h);                                   // (N, V)
        return _loss.Forward(s.Reshape(_n, 1, s.Dim(1)), new NdArray<int>(targets, _n, 1));
    }
    #endregion

    /// <summary>Fills the gradients of W_in and W_out for the last Forward.</summary>
    public void Backward()
    {
        var ds = _loss.Backward(T.One);
        var dh = _out.Backward(ds.Reshape(_n, ds.Dim(2)));
        int hidden = dh.Dim(1);
        var dx = new NdArray<T>(_n * _c, hidden);                  // each context word gets dh / C
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
