using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// The RNN language model of the chapter: embed each token, run a vanilla RNN, score the next token.
/// TimeEmbedding → TimeRnn → TimeAffine → TimeSoftmaxWithLoss.
/// </summary>
/// <remarks>
/// Shapes: xs (B, T) ids → x_t (B, D) → h_t (B, H) → y_t (B, V) → L.
/// <code>
///   x_t = W_e[xs[:, t]]
///   h_t = tanh(x_t W_xh + h_{t-1} W_hh + b)
///   y_t = h_t W_hy + b_y
///   L   = mean over counted positions of −log softmax(y_t)[ts[:, t]]
/// </code>
/// Initial weights as in "Deep Learning from Scratch 2": W_e ~ N(0, 1)/100, W_xh ~ N(0, 1)/√D,
/// W_hh and W_hy ~ N(0, 1)/√H, biases 0, drawn in that order from <see cref="NormalRandom"/>(seed).
/// Parameter order: W_e, W_xh, W_hh, b, W_hy, b_y.
/// </remarks>
public sealed class SimpleRnnLm<T> : ILanguageModel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Builds the model with seeded random weights.</summary>
    /// <param name="vocabSize">V, the number of token ids.</param>
    /// <param name="wordVecSize">D, the embedding size.</param>
    /// <param name="hiddenSize">H, the hidden state size.</param>
    /// <param name="seed">Seed of the weight initialisation.</param>
    /// <param name="stateful">Carry the hidden state across batches (truncated BPTT); false resets it every batch.</param>
    /// <param name="ignoreIndex">Target id of padded positions, left out of the loss.</param>
    public SimpleRnnLm(int vocabSize, int wordVecSize, int hiddenSize, int seed = Workbook.DefaultSeed,
        bool stateful = true, int ignoreIndex = -1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordVecSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        int v = vocabSize, d = wordVecSize, h = hiddenSize;
        var random = new NormalRandom(seed);
        var embedW = random.Randn<T>(1.0 / 100, v, d);
        var wxh = random.Randn<T>(1.0 / Math.Sqrt(d), d, h);
        var whh = random.Randn<T>(1.0 / Math.Sqrt(h), h, h);
        var b = new NdArray<T>(h);
        var why = random.Randn<T>(1.0 / Math.Sqrt(h), h, v);
        var by = new NdArray<T>(v);

        Embedding = new TimeEmbedding<T>(embedW);
        Rnn = new TimeRnn<T>(wxh, whh, b, stateful);
        Affine = new TimeAffine<T>(why, by);
        Loss = new TimeSoftmaxWithLoss<T>(ignoreIndex);
        Params = [.. Embedding.Params, .. Rnn.Params, .. Affine.Params];
        Grads = [.. Embedding.Grads, .. Rnn.Grads, .. Affine.Grads];
    }

    /// <summary>The embedding layer (W_e).</summary>
    public TimeEmbedding<T> Embedding { get; }

    /// <summary>The recurrent layer (W_xh, W_hh, b).</summary>
    public TimeRnn<T> Rnn { get; }

    /// <summary>The output layer (W_hy, b_y).</summary>
    public TimeAffine<T> Affine { get; }

    /// <summary>The loss layer.</summary>
    public TimeSoftmaxWithLoss<T> Loss { get; }

    /// <summary>W_e, W_xh, W_hh, b, W_hy, b_y.</summary>
    public IReadOnlyList<NdArray<T>> Params { get; }

    /// <summary>The gradients of <see cref="Params"/>, same order.</summary>
    public IReadOnlyList<NdArray<T>> Grads { get; }

    /// <summary>The vocabulary size V.</summary>
    public int VocabSize => Embedding.VocabSize;

    /// <summary>The scores ys (B, T, V) of the next token after each position of xs (B, T).</summary>
    public NdArray<T> Predict(NdArray<int> xs) => Affine.Forward(Rnn.Forward(Embedding.Forward(xs)));

    /// <inheritdoc/>
    public T Forward(NdArray<int> xs, NdArray<int> ts) => Loss.Forward(Predict(xs), ts);

    /// <inheritdoc/>
    public void Backward()
    {
        var dys = Loss.Backward(T.One);
        var dhs = Affine.Backward(dys);
        var dxs = Rnn.Backward(dhs);
        Embedding.Backward(dxs);
    }

    /// <inheritdoc/>
    public void ResetState() => Rnn.ResetState();
}
