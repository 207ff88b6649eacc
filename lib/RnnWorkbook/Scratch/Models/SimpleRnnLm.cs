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
/// A training step (Forward with targets, then Backward) takes its temporaries from the model's own
/// <see cref="ArrayArena"/>, so steady-state training allocates no new buffers.
/// </remarks>
public sealed class SimpleRnnLm<T> : ILanguageModel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ArrayArena _arena = new();
    private readonly Dropout<T>? _dropoutIn, _dropoutOut;

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
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordVecSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        if (tieWeights && wordVecSize != hiddenSize)
        {
            throw new ArgumentException($"tieWeights: needs wordVecSize = hiddenSize, got {wordVecSize} and {hiddenSize}.", nameof(tieWeights));
        }

        int v = vocabularySize, d = wordVecSize, h = hiddenSize;
        var random = new NormalRandom(seed);
        var embedW = new Parameter<T>("embedding.W_e", random.Randn<T>(1.0 / 100, v, d));
        var wxh = new Parameter<T>("rnn.W_xh", random.Randn<T>(1.0 / Math.Sqrt(d), d, h));
        var whh = new Parameter<T>("rnn.W_hh", random.Randn<T>(1.0 / Math.Sqrt(h), h, h));
        var b = new Parameter<T>("rnn.b", new NdArray<T>(h));
        var why = tieWeights ? embedW : new Parameter<T>("affine.W_hy", random.Randn<T>(1.0 / Math.Sqrt(h), h, v));
        var by = new Parameter<T>("affine.b_y", new NdArray<T>(v));

        Embedding = new TimeEmbedding<T>(embedW);
        Rnn = new TimeRnn<T>(wxh, whh, b, stateful);
        Affine = new TimeAffine<T>(why, by, transposed: tieWeights);
        Loss = new TimeSoftmaxWithLoss<T>(ignoreIndex);
        if (dropout > 0)
        {
            (_dropoutIn, _dropoutOut) = (new Dropout<T>(dropout, seed + 1), new Dropout<T>(dropout, seed + 2));
        }

        Parameters = Parameter<T>.Distinct([.. Embedding.Parameters, .. Rnn.Parameters, .. Affine.Parameters]);
        Params = [.. Parameters.Select(p => p.Value)];
        Grads = [.. Parameters.Select(p => p.Gradient)];
    }

    /// <summary>The embedding layer (W_e).</summary>
    public TimeEmbedding<T> Embedding { get; }

    /// <summary>The recurrent layer (W_xh, W_hh, b).</summary>
    public TimeRnn<T> Rnn { get; }

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
        get => _dropoutIn?.Training ?? true;
        set
        {
            if (_dropoutIn is not null && _dropoutOut is not null)
            {
                (_dropoutIn.Training, _dropoutOut.Training) = (value, value);
            }
        }
    }

    /// <summary>The scores ys (B, T, V) of the next token after each position of xs (B, T); a new array, yours to keep.</summary>
    public NdArray<T> Predict(NdArray<int> xs)
    {
        var xsEmbedded = Embedding.Forward(xs);
        if (_dropoutIn is not null)
        {
            xsEmbedded = _dropoutIn.Forward(xsEmbedded);
        }

        var hs = Rnn.Forward(xsEmbedded);
        if (_dropoutOut is not null)
        {
            hs = _dropoutOut.Forward(hs);
        }

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
        var dhs = Affine.Backward(dys);
        if (_dropoutOut is not null)
        {
            dhs = _dropoutOut.Backward(dhs);
        }

        var dxs = Rnn.Backward(dhs);
        if (_dropoutIn is not null)
        {
            dxs = _dropoutIn.Backward(dxs);
        }

        Embedding.Backward(dxs);
    }

    /// <inheritdoc/>
    public void ResetState() => Rnn.ResetState();
}
