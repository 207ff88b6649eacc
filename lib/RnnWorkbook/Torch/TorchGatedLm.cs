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
/// affine.bias. <see cref="Bindings"/> maps them to the scratch names for <see cref="WeightCopy"/>:
/// <code>
///   scratch (layer ℓ)        TorchSharp
///   W_e (V, D)           =   embedding.weight
///   lstm.ℓ.W_x (D, 4H)   =   rnn.weight_ih_lℓ (4H, D)ᵀ, blocks [f g i o] = torch [1 2 0 3]
///   lstm.ℓ.W_h (H, 4H)   =   rnn.weight_hh_lℓᵀ, same blocks
///   lstm.ℓ.b (4H)        =   rnn.bias_ih_lℓ + rnn.bias_hh_lℓ, same blocks       (to torch: bias_hh = 0)
///   gru.ℓ.W_x (D, 3H)    =   rnn.weight_ih_lℓᵀ, blocks [z r h̃] = torch [1 0 2]
///   gru.ℓ.W_h (H, 3H)    =   rnn.weight_hh_lℓᵀ, same blocks
///   gru.ℓ.b (3H)         =   [b_iz + b_hz | b_ir + b_hr | b_in]                  (to torch: b_hz = b_hr = 0)
///   gru.ℓ.b_h (H)        =   b_hn, block 2 of bias_hh (stays inside r ⊙ (h W_hn + b_hn))
///   affine.W_hy (H, V)   =   affine.weight (V, H)ᵀ        (tied: embedding.weight, copied once as W_e)
///   affine.b_y (V)       =   affine.bias
/// </code>
/// Summed biases get the same gradient from both torch copies, so the scratch ∂L/∂b is ∂L/∂bias_ih re-ordered.
/// </remarks>
public sealed class TorchGatedLm : TorchRecurrentLm
{
    /// <summary>Builds the model (TorchSharp's default initialisation; copy weights in with <see cref="WeightCopy"/> and <see cref="Bindings"/>).</summary>
    public TorchGatedLm(RecurrentKind kind, int vocabularySize, int wordVecSize, int hiddenSize, int layers = 1,
        double dropout = 0, bool tieWeights = false, bool stateful = true)
        : base(nameof(TorchGatedLm), vocabularySize, wordVecSize, hiddenSize, RecurrentFactory(kind, wordVecSize, hiddenSize, layers, dropout),
            dropout, tieWeights, stateful)
    {
        (Kind, Layers) = (kind, layers);
    }

    /// <summary>LSTM or GRU.</summary>
    public RecurrentKind Kind { get; }

    /// <summary>The number of stacked layers.</summary>
    public int Layers { get; }

    /// <summary>The carried c_n (layers, B, H) of an LSTM, detached, or null.</summary>
    public Tensor? CellState => CarriedCell;

    /// <summary>How a <see cref="GatedLm{T}"/> of the same kind, layers and tying maps to this model's parameters.</summary>
    /// <param name="kind">LSTM or GRU.</param>
    /// <param name="layers">The number of stacked layers (≥ 1).</param>
    /// <param name="tieWeights">True when the output layer uses W_e: then W_e is bound once, to embedding.weight.</param>
    public static IReadOnlyList<WeightBinding> Bindings(RecurrentKind kind, int layers = 1, bool tieWeights = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layers);
        var gates = WeightBinding.GateOrderOf(kind);
        string prefix = kind == RecurrentKind.Lstm ? "lstm" : "gru";
        var bindings = new List<WeightBinding> { new("embedding.W_e", "embedding.weight") };
        for (int l = 0; l < layers; l++)
        {
            string scratch = $"{prefix}.{l}", biasHh = $"rnn.bias_hh_l{l}";
            bindings.Add(new($"{scratch}.W_x", $"rnn.weight_ih_l{l}") { Transpose = true, GateOrder = gates });
            bindings.Add(new($"{scratch}.W_h", $"rnn.weight_hh_l{l}") { Transpose = true, GateOrder = gates });
            if (kind == RecurrentKind.Lstm)
            {
                bindings.Add(new($"{scratch}.b", $"rnn.bias_ih_l{l}") { GateOrder = gates, AddedTorchBias = biasHh });
            }
            else
            {
                // r and z: both biases add; the candidate's b_hn stays inside r ⊙ (h W_hn + b_hn), as the scratch b_h.
                bindings.Add(new($"{scratch}.b", $"rnn.bias_ih_l{l}") { GateOrder = gates, AddedTorchBias = biasHh, AddedTorchBiasGates = [0, 1] });
                bindings.Add(new($"{scratch}.b_h", biasHh) { TorchBlock = (2, 3) });
            }
        }

        if (!tieWeights)
        {
            bindings.Add(new("affine.W_hy", "affine.weight") { Transpose = true });
        }

        bindings.Add(new("affine.b_y", "affine.bias"));
        return bindings;
    }

    private protected override Tensor Recur(Tensor x)
    {
        if (Recurrent is LSTM lstm)
        {
            var (output, hn, cn) = lstm.forward(x, Stateful && HiddenState is not null ? (HiddenState, CarriedCell!) : null);
            Keep(hn, cn);
            return output;
        }

        var (hs, h) = ((GRU)Recurrent).forward(x, Stateful ? HiddenState : null);
        Keep(h, null);
        return hs;
    }

    private static Func<nn.Module> RecurrentFactory(RecurrentKind kind, int wordVecSize, int hiddenSize, int layers, double dropout)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layers);
        double between = layers > 1 ? dropout : 0;
        return kind switch
        {
            RecurrentKind.Lstm => () => nn.LSTM(wordVecSize, hiddenSize, numLayers: layers, batchFirst: true, dropout: between),
            RecurrentKind.Gru => () => nn.GRU(wordVecSize, hiddenSize, numLayers: layers, batchFirst: true, dropout: between),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "kind: expected Lstm or Gru."),
        };
    }
}
