using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnWorkbook.Torch;

/// <summary>
/// The TorchSharp twin of <see cref="Scratch.SimpleRnnLm{T}"/>: nn.Embedding → nn.RNN (tanh, batch_first)
/// → nn.Linear, with the hidden state carried, detached, from one batch to the next (truncated BPTT).
/// </summary>
/// <remarks>
/// Shapes: xs (B, T) int64 → embedding (B, T, D) → RNN output (B, T, H), h_n (1, B, H) → scores (B, T, V).
/// nn.RNN computes h_t = tanh(x_t W_ihᵀ + b_ih + h_{t-1} W_hhᵀ + b_hh): the scratch model's equation with
/// W_ih = W_xhᵀ, W_hh(torch) = W_hhᵀ and two biases where the scratch model has one (see <see cref="WeightCopy"/>).
/// Detaching the carried state keeps its values but cuts the graph, so backward stops at the block's start.
/// </remarks>
public sealed class TorchRnnLm : nn.Module<Tensor, Tensor>
{
    private readonly Embedding _embedding;
    private readonly RNN _rnn;
    private readonly Linear _affine;
    private Tensor? _state;

    /// <summary>Builds the model (TorchSharp's default initialisation; copy weights in with <see cref="WeightCopy"/>).</summary>
    public TorchRnnLm(int vocabularySize, int wordVecSize, int hiddenSize, bool stateful = true)
        : base(nameof(TorchRnnLm))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordVecSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        _embedding = nn.Embedding(vocabularySize, wordVecSize);
        _rnn = nn.RNN(wordVecSize, hiddenSize, nonLinearity: nn.NonLinearities.Tanh, batchFirst: true);
        _affine = nn.Linear(hiddenSize, vocabularySize);
        register_module("embedding", _embedding);
        register_module("rnn", _rnn);
        register_module("affine", _affine);
        (VocabularySize, Stateful) = (vocabularySize, stateful);
    }

    /// <summary>nn.Embedding: weight (V, D).</summary>
    public Embedding Embedding => _embedding;

    /// <summary>nn.RNN: weight_ih_l0 (H, D), weight_hh_l0 (H, H), bias_ih_l0 (H), bias_hh_l0 (H).</summary>
    public RNN Rnn => _rnn;

    /// <summary>nn.Linear: weight (V, H), bias (V).</summary>
    public Linear Affine => _affine;

    /// <summary>embedding.weight (V, D) = W_e.</summary>
    public Parameter EmbeddingWeight => Required(_embedding.weight, "embedding.weight");

    /// <summary>rnn.weight_ih_l0 (H, D) = W_xhᵀ.</summary>
    public Parameter WeightIh => Required(_rnn.get_weight_ih(0), "rnn.weight_ih_l0");

    /// <summary>rnn.weight_hh_l0 (H, H) = W_hhᵀ.</summary>
    public Parameter WeightHh => Required(_rnn.get_weight_hh(0), "rnn.weight_hh_l0");

    /// <summary>rnn.bias_ih_l0 (H).</summary>
    public Parameter BiasIh => Required(_rnn.get_bias_ih(0), "rnn.bias_ih_l0");

    /// <summary>rnn.bias_hh_l0 (H).</summary>
    public Parameter BiasHh => Required(_rnn.get_bias_hh(0), "rnn.bias_hh_l0");

    /// <summary>affine.weight (V, H) = W_hyᵀ.</summary>
    public Parameter AffineWeight => Required(_affine.weight, "affine.weight");

    /// <summary>affine.bias (V) = b_y.</summary>
    public Parameter AffineBias => Required(_affine.bias, "affine.bias");

    /// <summary>V.</summary>
    public int VocabularySize { get; }

    /// <summary>How the scratch <see cref="Scratch.SimpleRnnLm{T}"/>'s parameters map to this model's (see <see cref="WeightCopy"/>).</summary>
    public static IReadOnlyList<WeightBinding> Bindings { get; } =
    [
        new("embedding.W_e", "embedding.weight"),
        new("rnn.W_xh", "rnn.weight_ih_l0") { Transpose = true },
        new("rnn.W_hh", "rnn.weight_hh_l0") { Transpose = true },
        new("rnn.b", "rnn.bias_ih_l0") { AddedTorchBias = "rnn.bias_hh_l0" },
        new("affine.W_hy", "affine.weight") { Transpose = true },
        new("affine.b_y", "affine.bias"),
    ];

    /// <summary>When true, each forward starts from the detached final state of the previous one.</summary>
    public bool Stateful { get; set; }

    /// <summary>The carried state h_n (1, B, H), detached, or null after <see cref="ResetState"/>.</summary>
    public Tensor? HiddenState => _state;

    /// <summary>Forgets the carried state.</summary>
    public void ResetState()
    {
        _state?.Dispose();
        _state = null;
    }

    /// <summary>Scores (B, T, V) of the next token after each position of xs (B, T, int64).</summary>
    public override Tensor forward(Tensor xs)
    {
        ArgumentNullException.ThrowIfNull(xs);
        using var embedded = _embedding.forward(xs);
        var (hs, hn) = _rnn.forward(embedded, Stateful ? _state : null);
        using (hs)
        using (hn)
        {
            _state?.Dispose();
            // Owned by the model, not by the caller's dispose scope: it must outlive the batch.
            _state = hn.detach().DetachFromDisposeScope();
            return _affine.forward(hs);
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

    private static Parameter Required(Parameter? parameter, string name) =>
        parameter ?? throw new InvalidOperationException($"{name} is missing.");

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
