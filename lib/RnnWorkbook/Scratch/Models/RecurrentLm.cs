using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// What every language model of the chapters does with its layers: embed each token, run the recurrent
/// layers, score the next token, with dropout on the embedding and on the last hidden states.
/// <see cref="SimpleRnnLm{T}"/> (a vanilla RNN) and <see cref="GatedLm{T}"/> (LSTM or GRU) build the layers.
/// </summary>
/// <remarks>
/// Shapes: xs (B, T) ids → (B, T, D) → recurrent layers → (B, T, H) → ys (B, T, V) → L.
/// <code>
///   ys = Affine(dropout_out(Recurrent(dropout_in(Embedding(xs)))))
///   L  = Loss(ys, ts);  Backward runs the same layers in reverse, each dropout with the mask of its forward
/// </code>
/// The dropout masks are drawn with seeds seed + 1 (embedding) and seed + 2 (output); a rate of 0 is the
/// identity. A training step (Forward with targets, then Backward) takes its temporaries from the model's own
/// <see cref="ArrayArena"/>, so steady-state training allocates no new buffers.
/// </remarks>
public abstract class RecurrentLm<T> : ILanguageModel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ArrayArena _arena = new();
    private readonly Dropout<T> _dropoutIn, _dropoutOut;

    /// <summary>Chains the layers a derived model built.</summary>
    /// <param name="layers">The embedding, the recurrent stack and the output layer.</param>
    /// <param name="dropout">Dropout rate on the embedding and before the output layer (0: none).</param>
    /// <param name="seed">The model's seed; the dropout masks use seed + 1 and seed + 2.</param>
    /// <param name="ignoreIndex">Target id of padded positions, left out of the loss.</param>
    /// <param name="tiedWeights">True when the output layer uses the embedding's W_e.</param>
    private protected RecurrentLm((TimeEmbedding<T> Embedding, StackedRecurrent<T> Recurrent, TimeAffine<T> Affine) layers,
        double dropout, int seed, int ignoreIndex, bool tiedWeights)
    {
        (Embedding, Recurrent, Affine) = layers;
        Loss = new TimeSoftmaxWithLoss<T>(ignoreIndex);
        (_dropoutIn, _dropoutOut) = (new Dropout<T>(dropout, seed + 1), new Dropout<T>(dropout, seed + 2));
        Parameters = Parameter<T>.Distinct([.. Embedding.Parameters, .. Recurrent.Parameters, .. Affine.Parameters]);
        TiedWeights = tiedWeights;
        Params = [.. Parameters.Select(p => p.Value)];
        Grads = [.. Parameters.Select(p => p.Gradient)];
    }

    /// <summary>The embedding layer (W_e).</summary>
    public TimeEmbedding<T> Embedding { get; }

    /// <summary>The recurrent layers, bottom first.</summary>
    public StackedRecurrent<T> Recurrent { get; }

    /// <summary>The output layer (W_hy, b_y).</summary>
    public TimeAffine<T> Affine { get; }

    /// <summary>The loss layer.</summary>
    public TimeSoftmaxWithLoss<T> Loss { get; }

    /// <summary>True when the output layer uses W_e (weight tying).</summary>
    public bool TiedWeights { get; }

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

    #region Predict
    /// <summary>The scores ys (B, T, V) of the next token after each position of xs (B, T); a new array, yours to keep.</summary>
    public NdArray<T> Predict(NdArray<int> xs)
    {
        var x = _dropoutIn.Forward(Embedding.Forward(xs));   // (B, T, D)
        var hs = _dropoutOut.Forward(Recurrent.Forward(x));  // (B, T, H)
        return Affine.Forward(hs);                           // (B, T, V)
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
    #endregion

    /// <inheritdoc/>
    public void ResetState() => Recurrent.ResetState();
}
