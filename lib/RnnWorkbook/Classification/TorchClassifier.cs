using RnnWorkbook.Scratch;
using RnnWorkbook.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnWorkbook.Classification;

/// <summary>
/// The TorchSharp many-to-one classifiers: nn.Embedding → nn.LSTM or nn.GRU (optionally bidirectional) over
/// packed sequences (so neither direction reads padding) → last real step, mean or max → dropout → nn.Linear.
/// </summary>
/// <remarks>
/// With a unidirectional LSTM and last-step pooling it is the twin of <see cref="ScratchClassifier{T}"/>
/// (<see cref="LstmBindings"/>). Bidirectional: the forward direction's state after the last real step and
/// the backward direction's state after reading back to the first step, concatenated (2H).
/// Parameter names are PyTorch's: embedding.weight, rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0,
/// rnn.bias_hh_l0 (…_reverse for the backward direction), affine.weight (K, H·directions), affine.bias.
/// </remarks>
public sealed class TorchClassifier : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding _embedding;
    private readonly nn.Module _rnn;
    private readonly Dropout _dropout;
    private readonly Linear _affine;

    /// <summary>Builds the classifier (TorchSharp's default initialisation; seed it with torch.manual_seed before).</summary>
    /// <param name="kind">LSTM or GRU.</param>
    /// <param name="vocabularySize">V.</param>
    /// <param name="wordVecSize">D.</param>
    /// <param name="hiddenSize">H of each direction.</param>
    /// <param name="classes">K.</param>
    /// <param name="bidirectional">Read the text both ways.</param>
    /// <param name="pooling">What is read of the hidden states.</param>
    /// <param name="dropout">Dropout before the output layer.</param>
    public TorchClassifier(RecurrentKind kind, int vocabularySize, int wordVecSize, int hiddenSize, int classes,
        bool bidirectional = false, PoolingKind pooling = PoolingKind.LastStep, double dropout = 0)
        : base(nameof(TorchClassifier))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordVecSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        _embedding = nn.Embedding(vocabularySize, wordVecSize);
        _rnn = kind == RecurrentKind.Lstm
            ? nn.LSTM(wordVecSize, hiddenSize, batchFirst: true, bidirectional: bidirectional)
            : nn.GRU(wordVecSize, hiddenSize, batchFirst: true, bidirectional: bidirectional);
        _dropout = nn.Dropout(dropout);
        _affine = nn.Linear(hiddenSize * (bidirectional ? 2 : 1), classes);
        register_module("embedding", _embedding);
        register_module("rnn", _rnn);
        register_module("dropout", _dropout);
        register_module("affine", _affine);
        (Kind, Bidirectional, Pooling, Classes, HiddenSize) = (kind, bidirectional, pooling, classes, hiddenSize);
    }

    /// <summary>The scratch-to-torch bindings of a unidirectional LSTM classifier (<see cref="ScratchClassifier{T}"/>'s names).</summary>
    public static IReadOnlyList<WeightBinding> LstmBindings { get; } =
    [
        new("embedding.W_e", "embedding.weight"),
        new("lstm.W_x", "rnn.weight_ih_l0") { Transpose = true, GateOrder = WeightBinding.LstmGateOrder },
        new("lstm.W_h", "rnn.weight_hh_l0") { Transpose = true, GateOrder = WeightBinding.LstmGateOrder },
        new("lstm.b", "rnn.bias_ih_l0") { GateOrder = WeightBinding.LstmGateOrder, AddedTorchBias = "rnn.bias_hh_l0" },
        new("affine.W", "affine.weight") { Transpose = true },
        new("affine.b", "affine.bias"),
    ];

    /// <summary>LSTM or GRU.</summary>
    public RecurrentKind Kind { get; }

    /// <summary>True when the text is read both ways.</summary>
    public bool Bidirectional { get; }

    /// <summary>What is read of the hidden states.</summary>
    public PoolingKind Pooling { get; }

    /// <summary>K.</summary>
    public int Classes { get; }

    /// <summary>H of each direction.</summary>
    public int HiddenSize { get; }

    /// <summary>A short name: "LSTM", "GRU", "BiLSTM", with the pooling when it is not the last step.</summary>
    public string Name => (Bidirectional ? "Bi" : "") + (Kind == RecurrentKind.Lstm ? "LSTM" : "GRU") + (Pooling == PoolingKind.LastStep ? "" : $" ({Pooling.ToString().ToLowerInvariant()} pool)");

    /// <summary>Sets the embedding table (V, D) from pretrained vectors; <paramref name="freeze"/> keeps it fixed in training.</summary>
    public void SetEmbedding(float[,] vectors, bool freeze)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var weight = _embedding.weight ?? throw new InvalidOperationException("embedding.weight is missing.");
        if (vectors.GetLength(0) != weight.shape[0] || vectors.GetLength(1) != weight.shape[1])
        {
            throw new ArgumentException($"vectors: expected ({weight.shape[0]}, {weight.shape[1]}), got ({vectors.GetLength(0)}, {vectors.GetLength(1)}).", nameof(vectors));
        }

        using (no_grad())
        using (var source = tensor(vectors))
        {
            weight.copy_(source);
        }

        weight.requires_grad_(!freeze);
    }

    /// <summary>Scores (B, K) of ids (B, T, int64) whose rows have the given real lengths (B, int64).</summary>
    public override Tensor forward(Tensor ids, Tensor lengths)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(lengths);
        using var scope = NewDisposeScope();
        var embedded = _embedding.forward(ids);
        var packed = nn.utils.rnn.pack_padded_sequence(embedded, lengths, batch_first: true, enforce_sorted: false);
        Tensor hn;
        nn.utils.rnn.PackedSequence output;
        if (_rnn is LSTM lstm)
        {
            (output, hn, _) = lstm.call(packed);
        }
        else
        {
            (output, hn) = ((GRU)_rnn).call(packed);
        }

        Tensor v;
        if (Pooling == PoolingKind.LastStep)
        {
            // h_n (directions, B, H): the forward direction after the last real step, the backward one after step 0.
            v = Bidirectional ? cat([hn[0], hn[1]], 1) : hn[0];
        }
        else
        {
            var (hs, _) = nn.utils.rnn.pad_packed_sequence(output, batch_first: true);
            var time = hs.shape[1];
            var mask = arange(time).unsqueeze(0).lt(lengths.unsqueeze(1)).unsqueeze(2); // (B, T, 1)
            v = Pooling == PoolingKind.Mean
                ? hs.mul(mask).sum(1).div(lengths.unsqueeze(1).to_type(hs.dtype))
                : hs.masked_fill(mask.logical_not(), float.NegativeInfinity).max(1).values;
        }

        return _affine.forward(_dropout.forward(v)).MoveToOuterDisposeScope();
    }
}
