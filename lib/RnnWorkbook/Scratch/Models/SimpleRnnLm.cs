using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// The RNN language model of the chapter: embed each token, run a vanilla RNN, score the next token.
/// TimeEmbedding → TimeRnn → TimeAffine → TimeSoftmaxWithLoss (with optional dropout and weight tying).
/// </summary>
/// <remarks>
/// Shapes: xs (B, T) ids → x_t (B, D) → h_t (B, H) → y_t (B, V) → L.
/// <code>
///   x_t = W_e[xs[:, t]]
///   h_t = tanh(x_t W_xh + h_{t-1} W_hh + b)
///   y_t = h_t W_hy + b_y                 (tied: y_t = h_t W_eᵀ + b_y, needs D = H)
///   L   = mean over counted positions of −log softmax(y_t)[ts[:, t]]
/// </code>
/// Initial weights as in "Deep Learning from Scratch 2": W_e ~ N(0, 1)/100, W_xh ~ N(0, 1)/√D,
/// W_hh and W_hy ~ N(0, 1)/√H, biases 0, drawn in that order from <see cref="NormalRandom"/>(seed).
/// Parameters: embedding.W_e, rnn.W_xh, rnn.W_hh, rnn.b, affine.W_hy, affine.b_y (no affine.W_hy when tied).
/// Predict, Forward and Backward are <see cref="RecurrentLm{T}"/>'s.
/// </remarks>
public sealed class SimpleRnnLm<T> : RecurrentLm<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Builds the model with seeded random weights.</summary>
    /// <param name="vocabularySize">V, the number of token ids.</param>
    /// <param name="wordVecSize">D, the embedding size.</param>
    /// <param name="hiddenSize">H, the hidden state size.</param>
    /// <param name="seed">Seed of the weight initialisation (and of the dropout masks).</param>
    /// <param name="stateful">Carry the hidden state across batches (truncated BPTT); false resets it every batch.</param>
    /// <param name="ignoreIndex">Target id of padded positions, left out of the loss.</param>
    /// <param name="dropout">Dropout rate after the embedding and after the RNN (0: none).</param>
    /// <param name="tieWeights">Use W_e also as the output projection (y = h W_eᵀ + b_y); needs D = H.</param>
    public SimpleRnnLm(int vocabularySize, int wordVecSize, int hiddenSize, int seed = Workbook.DefaultSeed,
        bool stateful = true, int ignoreIndex = -1, double dropout = 0, bool tieWeights = false)
        : base(Layers(vocabularySize, wordVecSize, hiddenSize, seed, stateful, tieWeights), dropout, seed, ignoreIndex, tieWeights)
    {
    }

    /// <summary>The recurrent layer (W_xh, W_hh, b).</summary>
    public TimeRnn<T> Rnn => (TimeRnn<T>)Recurrent.Layers[0];

    private static (TimeEmbedding<T>, StackedRecurrent<T>, TimeAffine<T>) Layers(
        int vocabularySize, int wordVecSize, int hiddenSize, int seed, bool stateful, bool tieWeights)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordVecSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        if (tieWeights && wordVecSize != hiddenSize)
        {
            throw new ArgumentException($"tieWeights: needs wordVecSize = hiddenSize, got {wordVecSize} and {hiddenSize}.", nameof(tieWeights));
        }

        #region Layers
        int v = vocabularySize, d = wordVecSize, h = hiddenSize;
        var random = new NormalRandom(seed);
        var embedW = new Parameter<T>("embedding.W_e", random.Randn<T>(1.0 / 100, v, d));
        var wxh = new Parameter<T>("rnn.W_xh", random.Randn<T>(1.0 / Math.Sqrt(d), d, h));
        var whh = new Parameter<T>("rnn.W_hh", random.Randn<T>(1.0 / Math.Sqrt(h), h, h));
        var b = new Parameter<T>("rnn.b", new NdArray<T>(h));
        var why = tieWeights ? embedW : new Parameter<T>("affine.W_hy", random.Randn<T>(1.0 / Math.Sqrt(h), h, v));
        var by = new Parameter<T>("affine.b_y", new NdArray<T>(v));

        return (new TimeEmbedding<T>(embedW),
            new StackedRecurrent<T>([new TimeRnn<T>(wxh, whh, b, stateful)]),
            new TimeAffine<T>(why, by, transposed: tieWeights));
        #endregion
    }
}
