using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnWorkbook.Torch;

/// <summary>
/// What the TorchSharp twins of the chapters' language models share: nn.Embedding → dropout → recurrent
/// layers → dropout → nn.Linear (optionally sharing the embedding's weight), the loss, and the state carried,
/// detached, from one batch to the next (truncated BPTT). <see cref="TorchRnnLm"/> runs an nn.RNN,
/// <see cref="TorchGatedLm"/> an nn.LSTM or nn.GRU.
/// </summary>
/// <remarks>
/// Shapes: xs (B, T) int64 → embedding (B, T, D) → recurrent output (B, T, H), h_n (layers, B, H) → scores (B, T, V).
/// Detaching the carried state keeps its values but cuts the graph, so backward stops at the block's start.
/// Modules are created in the order embedding, rnn, affine, so TorchSharp's default initialisation draws
/// the same numbers for a given <c>torch.random.manual_seed</c>.
/// </remarks>
public abstract class TorchRecurrentLm : nn.Module<Tensor, Tensor>
{
    private readonly Embedding _embedding;
    private readonly Linear _affine;
    private readonly Dropout _dropoutIn, _dropoutOut;
    private Tensor? _h, _c;

    /// <summary>Builds the layers around the recurrent module <paramref name="recurrent"/> creates.</summary>
    private protected TorchRecurrentLm(string name, int vocabularySize, int wordVecSize, int hiddenSize, Func<nn.Module> recurrent,
        double dropout, bool tieWeights, bool stateful)
        : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordVecSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        if (tieWeights && wordVecSize != hiddenSize)
        {
            throw new ArgumentException($"tieWeights: needs wordVecSize = hiddenSize, got {wordVecSize} and {hiddenSize}.", nameof(tieWeights));
        }

        _embedding = nn.Embedding(vocabularySize, wordVecSize);
        Recurrent = recurrent();
        _affine = nn.Linear(hiddenSize, vocabularySize);
        _dropoutIn = nn.Dropout(dropout);
        _dropoutOut = nn.Dropout(dropout);
        if (tieWeights)
        {
            _affine.weight = _embedding.weight ?? throw new InvalidOperationException("embedding.weight is missing.");
        }

        register_module("embedding", _embedding);
        register_module("rnn", Recurrent);
        register_module("affine", _affine);
        register_module("dropout_in", _dropoutIn);
        register_module("dropout_out", _dropoutOut);
        (VocabularySize, TiedWeights, Stateful) = (vocabularySize, tieWeights, stateful);
    }

    /// <summary>nn.Embedding: weight (V, D).</summary>
    public Embedding Embedding => _embedding;

    /// <summary>The recurrent module, registered as "rnn".</summary>
    private protected nn.Module Recurrent { get; }

    /// <summary>nn.Linear: weight (V, H), bias (V).</summary>
    public Linear Affine => _affine;

    /// <summary>V.</summary>
    public int VocabularySize { get; }

    /// <summary>True when affine.weight is embedding.weight.</summary>
    public bool TiedWeights { get; }

    /// <summary>When true, each forward starts from the detached final state of the previous one.</summary>
    public bool Stateful { get; set; }

    /// <summary>The carried h_n (layers, B, H), detached, or null after <see cref="ResetState"/>.</summary>
    public Tensor? HiddenState => _h;

    /// <summary>The carried c_n (layers, B, H) of an LSTM, detached, or null.</summary>
    private protected Tensor? CarriedCell => _c;

    /// <summary>Forgets the carried state.</summary>
    public void ResetState()
    {
        _h?.Dispose();
        _c?.Dispose();
        (_h, _c) = (null, null);
    }

    #region Forward
    /// <summary>Scores (B, T, V) of the next token after each position of xs (B, T, int64).</summary>
    public override Tensor forward(Tensor xs)
    {
        ArgumentNullException.ThrowIfNull(xs);
        using var embedded = _embedding.forward(xs);        // (B, T, D)
        using var dropped = _dropoutIn.forward(embedded);
        using var hs = Recur(dropped);                       // (B, T, H)
        using var droppedOut = _dropoutOut.forward(hs);
        return _affine.forward(droppedOut);                  // (B, T, V)
    }
    #endregion

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

    /// <summary>Runs the recurrent layers over x (B, T, D) from the carried state (when <see cref="Stateful"/>), keeps the new state with <see cref="Keep"/>, returns (B, T, H).</summary>
    private protected abstract Tensor Recur(Tensor x);

    /// <summary>Keeps h_n (and c_n) detached as the carried state, owned by the model and not by the caller's dispose scope: it must outlive the batch.</summary>
    private protected void Keep(Tensor hn, Tensor? cn)
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
