using RnnWorkbook.Scratch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnWorkbook.Torch;

/// <summary>
/// The TorchSharp twin of <see cref="GatedLm{T}"/>: nn.Embedding → dropout → nn.LSTM or nn.GRU (stacked,
/// batch_first, dropout between layers) → dropout → nn.Linear (optionally sharing the embedding's weight),
/// with the state carried, detached, from one batch to the next.
/// </summary>
/// <remarks>
/// Parameter names are PyTorch's: embedding.weight, rnn.weight_ih_l{ℓ} (4H or 3H, D), rnn.weight_hh_l{ℓ},
/// rnn.bias_ih_l{ℓ}, rnn.bias_hh_l{ℓ}, affine.weight (V, H) (absent when tied: it is embedding.weight),
/// affine.bias. <see cref="GatedWeightCopy"/> maps them to the scratch names with the gate re-ordering.
/// </remarks>
public sealed class TorchGatedLm : nn.Module<Tensor, Tensor>
{
    private readonly Embedding _embedding;
    private readonly nn.Module _rnn;
    private readonly Linear _affine;
    private readonly Dropout _dropoutIn, _dropoutOut;
    private Tensor? _h, _c;

    /// <summary>Builds the model (TorchSharp's default initialisation; copy weights in with <see cref="GatedWeightCopy"/>).</summary>
    public TorchGatedLm(RecurrentKind kind, int vocabularySize, int wordVecSize, int hiddenSize, int layers = 1,
        double dropout = 0, bool tieWeights = false, bool stateful = true)
        : base(nameof(TorchGatedLm))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordVecSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layers);
        if (tieWeights && wordVecSize != hiddenSize)
        {
            throw new ArgumentException($"tieWeights: needs wordVecSize = hiddenSize, got {wordVecSize} and {hiddenSize}.", nameof(tieWeights));
        }

        _embedding = nn.Embedding(vocabularySize, wordVecSize);
        _rnn = kind == RecurrentKind.Lstm
            ? nn.LSTM(wordVecSize, hiddenSize, numLayers: layers, batchFirst: true, dropout: layers > 1 ? dropout : 0)
            : nn.GRU(wordVecSize, hiddenSize, numLayers: layers, batchFirst: true, dropout: layers > 1 ? dropout : 0);
        _affine = nn.Linear(hiddenSize, vocabularySize);
        _dropoutIn = nn.Dropout(dropout);
        _dropoutOut = nn.Dropout(dropout);
        if (tieWeights)
        {
            _affine.weight = _embedding.weight ?? throw new InvalidOperationException("embedding.weight is missing.");
        }

        register_module("embedding", _embedding);
        register_module("rnn", _rnn);
        register_module("affine", _affine);
        register_module("dropout_in", _dropoutIn);
        register_module("dropout_out", _dropoutOut);
        (Kind, VocabularySize, Layers, TiedWeights, Stateful) = (kind, vocabularySize, layers, tieWeights, stateful);
    }

    /// <summary>LSTM or GRU.</summary>
    public RecurrentKind Kind { get; }

    /// <summary>V.</summary>
    public int VocabularySize { get; }

    /// <summary>The number of stacked layers.</summary>
    public int Layers { get; }

    /// <summary>True when affine.weight is embedding.weight.</summary>
    public bool TiedWeights { get; }

    /// <summary>When true, each forward starts from the detached final state of the previous one.</summary>
    public bool Stateful { get; set; }

    /// <summary>The carried h_n (layers, B, H), detached, or null.</summary>
    public Tensor? HiddenState => _h;

    /// <summary>The carried c_n (layers, B, H) of an LSTM, detached, or null.</summary>
    public Tensor? CellState => _c;

    /// <summary>Forgets the carried state.</summary>
    public void ResetState()
    {
        _h?.Dispose();
        _c?.Dispose();
        (_h, _c) = (null, null);
    }

    /// <summary>Scores (B, T, V) of the next token after each position of xs (B, T, int64).</summary>
    public override Tensor forward(Tensor xs)
    {
        ArgumentNullException.ThrowIfNull(xs);
        using var embedded = _embedding.forward(xs);
        using var dropped = _dropoutIn.forward(embedded);
        Tensor hs;
        if (_rnn is LSTM lstm)
        {
            var (output, hn, cn) = lstm.forward(dropped, Stateful && _h is not null ? (_h, _c!) : null);
            hs = output;
            Keep(hn, cn);
        }
        else
        {
            var (output, hn) = ((GRU)_rnn).forward(dropped, Stateful ? _h : null);
            hs = output;
            Keep(hn, null);
        }

        using (hs)
        using (var droppedOut = _dropoutOut.forward(hs))
        {
            return _affine.forward(droppedOut);
        }
    }

    /// <summary>Mean cross-entropy of scores (B, T, V) against targets (B, T, int64), skipping <paramref name="ignoreIndex"/>.</summary>
    public Tensor Loss(Tensor scores, Tensor targets, long ignoreIndex = -1)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(targets);
        using var flatScores = scores.reshape(-1, VocabularySize);
        using var flatTargets = targets.reshape(-1);
        return nn.functional.cross_entropy(flatScores, flatTargets, ignore_index: ignoreIndex);
    }

    /// <summary>The parameters by PyTorch name (embedding.weight, rnn.weight_ih_l0, …), each once.</summary>
    public IReadOnlyDictionary<string, Parameter> ParametersByName()
    {
        var byName = new Dictionary<string, Parameter>();
        foreach (var (name, parameter) in named_parameters())
        {
            byName[name] = parameter;
        }

        return byName;
    }

    // Owned by the model, not by the caller's dispose scope: they must outlive the batch.
    private void Keep(Tensor hn, Tensor? cn)
    {
        ResetState();
        _h = hn.detach().DetachFromDisposeScope();
        _c = cn?.detach().DetachFromDisposeScope();
        hn.Dispose();
        cn?.Dispose();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ResetState();
        }

        base.Dispose(disposing);
    }
}
