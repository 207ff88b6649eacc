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
/// W_ih = W_xhᵀ, W_hh(torch) = W_hhᵀ and two biases where the scratch model has one (see <see cref="Bindings"/>).
/// The embedding, the output layer, the loss and the carried state are <see cref="TorchRecurrentLm"/>'s.
/// </remarks>
public sealed class TorchRnnLm : TorchRecurrentLm
{
    /// <summary>Builds the model (TorchSharp's default initialisation; copy weights in with <see cref="WeightCopy"/> and <see cref="Bindings"/>).</summary>
    public TorchRnnLm(int vocabularySize, int wordVecSize, int hiddenSize, bool stateful = true)
        : base(nameof(TorchRnnLm), vocabularySize, wordVecSize, hiddenSize,
            () => nn.RNN(wordVecSize, hiddenSize, nonLinearity: nn.NonLinearities.Tanh, batchFirst: true),
            dropout: 0, tieWeights: false, stateful)
    {
    }

    /// <summary>nn.RNN: weight_ih_l0 (H, D), weight_hh_l0 (H, H), bias_ih_l0 (H), bias_hh_l0 (H).</summary>
    public RNN Rnn => (RNN)Recurrent;

    /// <summary>embedding.weight (V, D) = W_e.</summary>
    public Parameter EmbeddingWeight => Required(Embedding.weight, "embedding.weight");

    /// <summary>rnn.weight_ih_l0 (H, D) = W_xhᵀ.</summary>
    public Parameter WeightIh => Required(Rnn.get_weight_ih(0), "rnn.weight_ih_l0");

    /// <summary>rnn.weight_hh_l0 (H, H) = W_hhᵀ.</summary>
    public Parameter WeightHh => Required(Rnn.get_weight_hh(0), "rnn.weight_hh_l0");

    /// <summary>rnn.bias_ih_l0 (H).</summary>
    public Parameter BiasIh => Required(Rnn.get_bias_ih(0), "rnn.bias_ih_l0");

    /// <summary>rnn.bias_hh_l0 (H).</summary>
    public Parameter BiasHh => Required(Rnn.get_bias_hh(0), "rnn.bias_hh_l0");

    /// <summary>affine.weight (V, H) = W_hyᵀ.</summary>
    public Parameter AffineWeight => Required(Affine.weight, "affine.weight");

    /// <summary>affine.bias (V) = b_y.</summary>
    public Parameter AffineBias => Required(Affine.bias, "affine.bias");

    #region Bindings
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
    #endregion

    #region Recur
    private protected override Tensor Recur(Tensor x)
    {
        var (hs, hn) = Rnn.forward(x, Stateful ? HiddenState : null);
        Keep(hn, null);
        return hs;
    }
    #endregion

    private static Parameter Required(Parameter? parameter, string name) =>
        parameter ?? throw new InvalidOperationException($"{name} is missing.");
}
