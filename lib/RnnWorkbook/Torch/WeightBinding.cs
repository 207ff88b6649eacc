namespace RnnWorkbook.Torch;

/// <summary>
/// How one named scratch parameter corresponds to a TorchSharp parameter: the rule <see cref="WeightCopy"/>
/// follows in both directions, e.g. <c>new WeightBinding("rnn.W_xh", "rnn.weight_ih_l0") { Transpose = true }</c>.
/// </summary>
/// <param name="Scratch">The scratch name (<see cref="Scratch.Parameter{T}.Name"/>), e.g. "rnn.W_xh".</param>
/// <param name="Torch">The name in the module's <c>named_parameters()</c>, e.g. "rnn.weight_ih_l0".</param>
/// <remarks>
/// In TorchSharp's layout (after <see cref="Transpose"/>) the gate blocks of a recurrent weight or bias lie
/// along the first axis: torch.nn orders them i, f, g, o (LSTM) and r, z, n (GRU). <see cref="GateOrder"/>
/// says where each scratch block goes: scratch block k is torch block GateOrder[k]. The book's LSTM stacks
/// f, g, i, o, so its W_x binds with <c>GateOrder = [1, 2, 0, 3]</c>.
/// </remarks>
public sealed record WeightBinding(string Scratch, string Torch)
{
    /// <summary>Scratch (in, out) against torch (out, in): x W against x Wᵀ.</summary>
    public bool Transpose { get; init; }

    /// <summary>Torch's index of each scratch gate block, or null when the parameter has no gate blocks.</summary>
    public IReadOnlyList<int>? GateOrder { get; init; }

    /// <summary>
    /// A second torch bias added to the same pre-activation (b = b_ih + b_hh): copying to torch sets it to 0,
    /// copying back adds it, and its gradient equals the first one's.
    /// </summary>
    public string? AddedTorchBias { get; init; }
}
