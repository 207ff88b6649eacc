using RnnWorkbook.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnWorkbook.Sequences;

/// <summary>
/// A bidirectional LSTM tagger in TorchSharp: one embedding per token feature, concatenated, a
/// bidirectional nn.LSTM, dropout, and a linear layer scoring every tag at every position.
/// </summary>
/// <remarks>
/// Shapes: xs (B, T, K) int64 → e (B, T, ΣD_k) → [→h_t ; ←h_t] (B, T, 2H) → scores (B, T, tags).
/// <code>
///   e_t = [E_0[x_t,0] ; … ; E_{K−1}[x_t,K−1]]
///   →h_t = LSTM_fw(e_0 … e_t)     ←h_t = LSTM_bw(e_{T−1} … e_t)
///   s_t = [→h_t ; ←h_t] W + b      p(tag | sentence, t) = softmax(s_t)
/// </code>
/// The same computation as <see cref="ScratchTagger{T}"/> (embeddings, <c>Bidirectional(TimeLstm, TimeLstm)</c>,
/// <c>TimeAffine</c>); <see cref="Bindings"/> names how their weights correspond.
/// </remarks>
public sealed class SequenceTagger : nn.Module<Tensor, Tensor>
{
    private readonly Embedding[] _embeddings;
    private readonly LSTM _lstm;
    private readonly Dropout _dropout;
    private readonly Linear _affine;

    /// <summary>Builds the tagger, its weights drawn after seeding TorchSharp's generator with <paramref name="seed"/>.</summary>
    /// <param name="featureSizes">The ids of each feature (<see cref="ITokenFeatures.Sizes"/>).</param>
    /// <param name="embeddingSizes">D_k of each feature.</param>
    /// <param name="hiddenSize">H of each direction.</param>
    /// <param name="tagCount">The tags scored.</param>
    /// <param name="dropout">Dropout on the embeddings and on the LSTM's output while training.</param>
    /// <param name="seed">Seeds TorchSharp's generator before the weights are drawn (TorchSharp's default initialisation).</param>
    public SequenceTagger(IReadOnlyList<int> featureSizes, IReadOnlyList<int> embeddingSizes, int hiddenSize, int tagCount, double dropout = 0,
        int seed = Workbook.DefaultSeed)
        : base(nameof(SequenceTagger))
    {
        ArgumentNullException.ThrowIfNull(featureSizes);
        ArgumentNullException.ThrowIfNull(embeddingSizes);
        if (featureSizes.Count == 0 || featureSizes.Count != embeddingSizes.Count)
        {
            throw new ArgumentException($"embeddingSizes: expected one size per feature ({featureSizes.Count}), got {embeddingSizes.Count}.", nameof(embeddingSizes));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tagCount);
        random.manual_seed(seed); // the initial weights depend on the seed alone
        _embeddings = new Embedding[featureSizes.Count];
        for (int k = 0; k < featureSizes.Count; k++)
        {
            _embeddings[k] = nn.Embedding(featureSizes[k], embeddingSizes[k]);
            register_module($"embedding_{k}", _embeddings[k]);
        }

        _lstm = nn.LSTM(embeddingSizes.Sum(), hiddenSize, batchFirst: true, bidirectional: true);
        _dropout = nn.Dropout(dropout);
        _affine = nn.Linear(2 * hiddenSize, tagCount);
        register_module("lstm", _lstm);
        register_module("dropout", _dropout);
        register_module("affine", _affine);
        (FeatureCount, TagCount) = (featureSizes.Count, tagCount);
    }

    /// <summary>K.</summary>
    public int FeatureCount { get; }

    /// <summary>The tags scored.</summary>
    public int TagCount { get; }

    /// <summary>How the weights of a <see cref="ScratchTagger{T}"/> with <paramref name="featureCount"/> features map to this module's.</summary>
    public static IReadOnlyList<WeightBinding> Bindings(int featureCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        var gates = WeightBinding.LstmGateOrder;
        var bindings = new List<WeightBinding>();
        for (int k = 0; k < featureCount; k++)
        {
            bindings.Add(new($"embedding_{k}.W_e", $"embedding_{k}.weight"));
        }

        foreach (var (scratch, torch) in new[] { ("fw", ""), ("bw", "_reverse") })
        {
            bindings.Add(new($"{scratch}.W_x", $"lstm.weight_ih_l0{torch}") { Transpose = true, GateOrder = gates });
            bindings.Add(new($"{scratch}.W_h", $"lstm.weight_hh_l0{torch}") { Transpose = true, GateOrder = gates });
            bindings.Add(new($"{scratch}.b", $"lstm.bias_ih_l0{torch}") { GateOrder = gates, AddedTorchBias = $"lstm.bias_hh_l0{torch}" });
        }

        bindings.Add(new("affine.W", "affine.weight") { Transpose = true });
        bindings.Add(new("affine.b", "affine.bias"));
        return bindings;
    }

    /// <summary>Scores (B, T, tags) of every tag at every position of xs (B, T, K, int64).</summary>
    public override Tensor forward(Tensor xs)
    {
        ArgumentNullException.ThrowIfNull(xs);
        if (xs.dim() != 3 || xs.shape[2] != FeatureCount)
        {
            throw new ArgumentException($"xs: expected (B, T, {FeatureCount}), got ({string.Join(", ", xs.shape)}).", nameof(xs));
        }

        using var scope = NewDisposeScope();
        var embedded = cat([.. _embeddings.Select((e, k) => e.forward(xs.select(2, k)))], 2);
        var (hs, hn, cn) = _lstm.forward(_dropout.forward(embedded));
        return _affine.forward(_dropout.forward(hs)).MoveToOuterDisposeScope();
    }
}
