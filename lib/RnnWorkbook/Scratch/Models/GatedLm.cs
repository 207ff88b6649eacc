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
/// tied), affine.b_y. A training step takes its temporaries from the model's own <see cref="ArrayArena"/>.
/// </remarks>
public sealed class GatedLm<T> : ILanguageModel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ArrayArena _arena = new();
    private readonly Dropout<T> _dropoutIn, _dropoutOut;

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
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordVecSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layers);
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

        Kind = kind;
        Embedding = new TimeEmbedding<T>(embedW);
        Recurrent = new StackedRecurrent<T>(recurrent, dropout, seed);
        Affine = new TimeAffine<T>(why, by, transposed: tieWeights);
        Loss = new TimeSoftmaxWithLoss<T>(ignoreIndex);
        (_dropoutIn, _dropoutOut) = (new Dropout<T>(dropout, seed + 1), new Dropout<T>(dropout, seed + 2));
        TiedWeights = tieWeights;
        Parameters = Parameter<T>.Distinct([.. Embedding.Parameters, .. Recurrent.Parameters, .. Affine.Parameters]);
        Params = [.. Parameters.Select(p => p.Value)];
        Grads = [.. Parameters.Select(p => p.Gradient)];
    }

    /// <summary>LSTM or GRU.</summary>
    public RecurrentKind Kind { get; }

    /// <summary>True when the output layer uses W_e.</summary>
    public bool TiedWeights { get; }

    /// <summary>The embedding layer (W_e).</summary>
    public TimeEmbedding<T> Embedding { get; }

    /// <summary>The recurrent layers, bottom first.</summary>
    public StackedRecurrent<T> Recurrent { get; }

    /// <summary>The output layer (W_hy, b_y).</summary>
    public TimeAffine<T> Affine { get; }

    /// <summary>The loss layer.</summary>
    public TimeSoftmaxWithLoss<T> Loss { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Params { get; }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Grads { get; }

    /// <summary>The vocabulary size V.</summary>
    public int VocabularySize => Embedding.VocabularySize;

    /// <inheritdoc/>
    public bool Training
    {
        get => _dropoutIn.Training;
        set => (_dropoutIn.Training, _dropoutOut.Training, Recurrent.Training) = (value, value, value);
    }

    /// <summary>The scores ys (B, T, V) of the next token after each position of xs (B, T).</summary>
    public NdArray<T> Predict(NdArray<int> xs)
    {
        var x = _dropoutIn.Forward(Embedding.Forward(xs));
        var hs = _dropoutOut.Forward(Recurrent.Forward(x));
        return Affine.Forward(hs);
    }

    /// <inheritdoc/>
    public T Forward(NdArray<int> xs, NdArray<int> ts)
    {
        _arena.Reset();
        using var scope = _arena.Enter();
        return Loss.Forward(Predict(xs), ts);
    }

    /// <inheritdoc/>
    public void Backward()
    {
        using var scope = _arena.Enter();
        var dys = Loss.Backward(T.One);
        var dhs = _dropoutOut.Backward(Affine.Backward(dys));
        var dxs = _dropoutIn.Backward(Recurrent.Backward(dhs));
        Embedding.Backward(dxs);
    }

    /// <inheritdoc/>
    public void ResetState() => Recurrent.ResetState();
}
