using RnnWorkbook.Scratch;

namespace RnnWorkbook.Torch;

/// <summary>
/// How one named scratch parameter corresponds to a TorchSharp parameter: the rule <see cref="WeightCopy"/>
/// follows in both directions, e.g. <c>new WeightBinding("rnn.W_xh", "rnn.weight_ih_l0") { Transpose = true }</c>.
/// </summary>
/// <param name="Scratch">The scratch name (<see cref="Parameter{T}.Name"/>), e.g. "rnn.W_xh".</param>
/// <param name="Torch">The name in the module's <c>named_parameters()</c>, e.g. "rnn.weight_ih_l0".</param>
/// <remarks>
/// In TorchSharp's layout (after <see cref="Transpose"/>) the gate blocks of a recurrent weight or bias lie
/// along the first axis: torch.nn orders them i, f, g, o (LSTM) and r, z, n (GRU). <see cref="GateOrder"/>
/// says where each scratch block goes: scratch block k is torch block GateOrder[k]. The book's LSTM stacks
/// f, g, i, o, so its W_x binds with <c>GateOrder = WeightBinding.LstmGateOrder</c> ([1, 2, 0, 3]).
/// </remarks>
public sealed record WeightBinding(string Scratch, string Torch)
{
    /// <summary>The book's LSTM blocks f, g, i, o are torch's blocks 1, 2, 0, 3 (torch: i, f, g, o).</summary>
    public static IReadOnlyList<int> LstmGateOrder { get; } = [1, 2, 0, 3];

    /// <summary>The scratch GRU blocks z, r, h̃ are torch's blocks 1, 0, 2 (torch: r, z, n).</summary>
    public static IReadOnlyList<int> GruGateOrder { get; } = [1, 0, 2];

    /// <summary>Scratch (in, out) against torch (out, in): x W against x Wᵀ.</summary>
    public bool Transpose { get; init; }

    /// <summary>Torch's index of each scratch gate block, or null when the parameter has no gate blocks.</summary>
    public IReadOnlyList<int>? GateOrder { get; init; }

    /// <summary>
    /// A second torch bias added to the same pre-activation (b = b_ih + b_hh): copying to torch sets it to 0,
    /// copying back adds it, and its gradient equals the first one's.
    /// </summary>
    public string? AddedTorchBias { get; init; }

    /// <summary>
    /// The torch gate blocks to which <see cref="AddedTorchBias"/> adds, or null for all of them. A GRU's
    /// b_hn sits inside r ⊙ (h W_hn + b_hn), so only its r and z blocks (0 and 1) add to b_ih.
    /// Needs <see cref="GateOrder"/>, which says how many blocks there are.
    /// </summary>
    public IReadOnlyList<int>? AddedTorchBiasGates { get; init; }

    /// <summary>
    /// When set, the scratch parameter is block <c>Block</c> of <c>Of</c> equal blocks along the torch
    /// parameter's first axis, e.g. a GRU's b_h is <c>(2, 3)</c> of bias_hh (its n block); null: all of it.
    /// </summary>
    public (int Block, int Of)? TorchBlock { get; init; }

    /// <summary>The gate order of a <see cref="RecurrentKind"/>: <see cref="LstmGateOrder"/> or <see cref="GruGateOrder"/>.</summary>
    public static IReadOnlyList<int> GateOrderOf(RecurrentKind kind) => kind switch
    {
        RecurrentKind.Lstm => LstmGateOrder,
        RecurrentKind.Gru => GruGateOrder,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "kind: expected Lstm or Gru."),
    };
}
