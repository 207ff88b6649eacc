using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// The language model of chapters 07 and 08: embed each token, run stacked LSTM or GRU layers, score the next
/// token. With two layers, dropout and weight tying it is the book's BetterRnnlm.
/// </summary>
/// <remarks>
/// Shapes: xs (B, T) ids → (B, T, D) → layers → (B, T, H) → ys (B, T, V) → L.
/// <code>
///   x_t = dropout(W_e[xs[:, t]])
///   h⁰_t = x_t,  hˡ⁺¹ = lstm_ℓ(dropout(hˡ)) or gru_ℓ(…)              ℓ = 0 … layers − 1 (no dropout before layer 0)
///   y_t = dropout(h_t) W_hy + b_y            (tied: y_t = dropout(h_t) W_eᵀ + b_y, needs D = H; Press &amp; Wolf 2017)
///   L   = mean over counted positions of −log softmax(y_t)[ts[:, t]]
/// </code>
/// Initial weights as in "Deep Learning from Scratch 2": W_e ~ N(0, 1)/100, each layer's W_x ~ N(0, 1)/√D_in,
/// W_h ~ N(0, 1)/√H, W_hy ~ N(0, 1)/√H, biases 0, drawn in that order from <see cref="NormalRandom"/>(seed).
/// Parameters: embedding.W_e, lstm.ℓ.W_x, lstm.ℓ.W_h, lstm.ℓ.b (gru.ℓ.… with gru.ℓ.b_h), affine.W_hy (not when
/// tied), affine.b_y. Predict, Forward and Backward are <see cref="RecurrentLm{T}"/>'s.
/// </remarks>
public sealed class GatedLm<T> : RecurrentLm<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Builds the model with seeded random weights.</summary>
    /// <param name="kind">LSTM or GRU layers.</param>
    /// <param name="vocabularySize">V, the number of token ids.</param>
    /// <param name="wordVecSize">D, the embedding size.</param>
    /// <param name="hiddenSize">H, the hidden size of every layer.</param>
    /// <param name="layers">How many recurrent layers are stacked (≥ 1).</param>
    /// <param name="dropout">Dropout rate on the embedding, between layers and before the output layer (0: none).</param>
    /// <param name="tieWeights">Use W_e also as the output projection; needs D = H.</param>
    /// <param name="seed">Seed of the weights and of the dropout masks.</param>
    /// <param name="stateful">Carry (h, C) across batches (truncated BPTT).</param>
    /// <param name="ignoreIndex">Target id of padded positions, left out of the loss.</param>
    public GatedLm(RecurrentKind kind, int vocabularySize, int wordVecSize, int hiddenSize, int layers = 1, double dropout = 0,
        bool tieWeights = false, int seed = Workbook.DefaultSeed, bool stateful = true, int ignoreIndex = -1)
        : base(Layers(kind, vocabularySize, wordVecSize, hiddenSize, layers, dropout, tieWeights, seed, stateful), dropout, seed, ignoreIndex, tieWeights)
    {
        Kind = kind;
    }

    /// <summary>LSTM or GRU.</summary>
    public RecurrentKind Kind { get; }

    private static (TimeEmbedding<T>, StackedRecurrent<T>, TimeAffine<T>) Layers(RecurrentKind kind, int vocabularySize, int wordVecSize,
        int hiddenSize, int layers, double dropout, bool tieWeights, int seed, bool stateful)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordVecSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layers);
        if (kind is not (RecurrentKind.Lstm or RecurrentKind.Gru))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "kind: expected Lstm or Gru.");
        }

        if (tieWeights && wordVecSize != hiddenSize)
        {
            throw new ArgumentException($"tieWeights: needs wordVecSize = hiddenSize, got {wordVecSize} and {hiddenSize}.", nameof(tieWeights));
        }

        int v = vocabularySize, d = wordVecSize, h = hiddenSize, gates = kind == RecurrentKind.Lstm ? 4 : 3;
        string prefix = kind == RecurrentKind.Lstm ? "lstm" : "gru";
        var random = new NormalRandom(seed);
        var embedW = new Parameter<T>("embedding.W_e", random.Randn<T>(1.0 / 100, v, d));
        var recurrent = new List<IRecurrentLayer<T>>();
        for (int l = 0; l < layers; l++)
        {
            int input = l == 0 ? d : h;
            var wx = new Parameter<T>($"{prefix}.{l}.W_x", random.Randn<T>(1.0 / Math.Sqrt(input), input, gates * h));
            var wh = new Parameter<T>($"{prefix}.{l}.W_h", random.Randn<T>(1.0 / Math.Sqrt(h), h, gates * h));
            var b = new Parameter<T>($"{prefix}.{l}.b", new NdArray<T>(gates * h));
            recurrent.Add(kind == RecurrentKind.Lstm
                ? new TimeLstm<T>(wx, wh, b, stateful)
                : new TimeGru<T>(wx, wh, b, new Parameter<T>($"{prefix}.{l}.b_h", new NdArray<T>(h)), stateful));
        }

        var why = tieWeights ? embedW : new Parameter<T>("affine.W_hy", random.Randn<T>(1.0 / Math.Sqrt(h), h, v));
        var by = new Parameter<T>("affine.b_y", new NdArray<T>(v));
        return (new TimeEmbedding<T>(embedW), new StackedRecurrent<T>(recurrent, dropout, seed), new TimeAffine<T>(why, by, transposed: tieWeights));
    }
}
