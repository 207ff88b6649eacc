using RnnWorkbook.Scratch;
using static TorchSharp.torch;

namespace RnnWorkbook.Torch;

/// <summary>
/// Copies weights by name between <see cref="GatedLm{T}"/> (float) and <see cref="TorchGatedLm"/>, and reads
/// the TorchSharp gradients under the scratch names, re-ordering the gate blocks on the way.
/// </summary>
/// <remarks>
/// The scratch layers compute x W with (in, gates·H) matrices whose column blocks are f, g, i, o (LSTM, the
/// book's order) or z, r, h̃ (GRU); torch.nn stores (gates·H, in) matrices with row blocks i, f, g, o or r, z, n.
/// <code>
///   scratch (layer ℓ)        TorchSharp
///   W_e (V, D)           =   embedding.weight
///   lstm.ℓ.W_x (D, 4H)   =   rnn.weight_ih_lℓ (4H, D)ᵀ, blocks [f g i o] = torch [1 2 0 3]
///   lstm.ℓ.W_h (H, 4H)   =   rnn.weight_hh_lℓᵀ, same blocks
///   lstm.ℓ.b (4H)        =   rnn.bias_ih_lℓ + rnn.bias_hh_lℓ, same blocks       (in: bias_hh = 0)
///   gru.ℓ.W_x (D, 3H)    =   rnn.weight_ih_lℓᵀ, blocks [z r h̃] = torch [1 0 2]
///   gru.ℓ.W_h (H, 3H)    =   rnn.weight_hh_lℓᵀ, same blocks
///   gru.ℓ.b (3H)         =   [b_iz + b_hz | b_ir + b_hr | b_in]                  (in: b_hz = b_hr = 0)
///   gru.ℓ.b_h (H)        =   b_hn  (stays inside r ⊙ (h W_hn + b_hn))
///   affine.W_hy (H, V)   =   affine.weight (V, H)ᵀ        (tied: embedding.weight)
///   affine.b_y (V)       =   affine.bias
/// </code>
/// Summed biases get the same gradient from both torch copies, so the scratch ∂L/∂b is ∂L/∂bias_ih re-ordered.
/// </remarks>
public static class GatedWeightCopy
{
    /// <summary>Scratch gate block k is TorchSharp block <c>Order[k]</c>.</summary>
    public static IReadOnlyList<int> GateOrder(RecurrentKind kind) => kind == RecurrentKind.Lstm ? [1, 2, 0, 3] : [1, 0, 2];

    /// <summary>Sets the TorchSharp model's weights to the scratch model's.</summary>
    public static void ToTorch(GatedLm<float> source, TorchGatedLm target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        RequireSameArchitecture(source, target);
        var scratch = source.Parameters.ToDictionary(p => p.Name, p => p.Value);
        var torch = target.ParametersByName();
        var kind = source.Kind;
        string prefix = Prefix(kind);
        int h = source.Recurrent.HiddenSize;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Set(torch["embedding.weight"], AsTensor(scratch["embedding.W_e"]));
        for (int l = 0; l < target.Layers; l++)
        {
            Set(torch[$"rnn.weight_ih_l{l}"], ToTorchBlocks(AsTensor(scratch[$"{prefix}.{l}.W_x"]).t(), kind, h));
            Set(torch[$"rnn.weight_hh_l{l}"], ToTorchBlocks(AsTensor(scratch[$"{prefix}.{l}.W_h"]).t(), kind, h));
            Set(torch[$"rnn.bias_ih_l{l}"], ToTorchBlocks(AsTensor(scratch[$"{prefix}.{l}.b"]), kind, h));
            var biasHh = torch[$"rnn.bias_hh_l{l}"];
            biasHh.zero_();
            if (kind == RecurrentKind.Gru)
            {
                using var slice = biasHh.narrow(0, 2 * h, h);
                slice.copy_(AsTensor(scratch[$"{prefix}.{l}.b_h"]));
            }
        }

        if (!source.TiedWeights)
        {
            Set(torch["affine.weight"], AsTensor(scratch["affine.W_hy"]).t());
        }

        Set(torch["affine.bias"], AsTensor(scratch["affine.b_y"]));
    }

    /// <summary>Sets the scratch model's weights to the TorchSharp model's (summing the biases that add).</summary>
    public static void ToScratch(TorchGatedLm source, GatedLm<float> target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        RequireSameArchitecture(target, source);
        var values = InScratchLayout(source, p => p, gradients: false);
        foreach (var p in target.Parameters)
        {
            p.Value.CopyFrom(values[p.Name]);
        }
    }

    /// <summary>The TorchSharp gradients under the scratch names and in the scratch shapes.</summary>
    /// <exception cref="InvalidOperationException">No backward pass has run yet.</exception>
    public static IReadOnlyDictionary<string, NdArray<float>> GradientsInScratchLayout(TorchGatedLm model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return InScratchLayout(model, p => p.grad ?? throw new InvalidOperationException("No gradient yet: call backward() first."), gradients: true);
    }

    private static Dictionary<string, NdArray<float>> InScratchLayout(TorchGatedLm model, Func<Tensor, Tensor> read, bool gradients)
    {
        var torch = model.ParametersByName();
        var kind = model.Kind;
        string prefix = Prefix(kind);
        int h = (int)torch["rnn.weight_hh_l0"].shape[1];
        var result = new Dictionary<string, NdArray<float>>();
        using var scope = NewDisposeScope();
        result["embedding.W_e"] = TensorConvert.ToNdArray(read(torch["embedding.weight"]));
        for (int l = 0; l < model.Layers; l++)
        {
            result[$"{prefix}.{l}.W_x"] = TensorConvert.ToNdArray(ToScratchBlocks(read(torch[$"rnn.weight_ih_l{l}"]), kind, h).t());
            result[$"{prefix}.{l}.W_h"] = TensorConvert.ToNdArray(ToScratchBlocks(read(torch[$"rnn.weight_hh_l{l}"]), kind, h).t());
            var biasIh = read(torch[$"rnn.bias_ih_l{l}"]);
            var biasHh = read(torch[$"rnn.bias_hh_l{l}"]);
            if (kind == RecurrentKind.Lstm)
            {
                result[$"{prefix}.{l}.b"] = TensorConvert.ToNdArray(ToScratchBlocks(gradients ? biasIh : biasIh + biasHh, kind, h));
            }
            else
            {
                // r and z: both biases add; the candidate's b_in stays apart from b_hn (inside r ⊙ …).
                var added = gradients ? biasIh : cat([biasIh.narrow(0, 0, 2 * h) + biasHh.narrow(0, 0, 2 * h), biasIh.narrow(0, 2 * h, h)]);
                result[$"{prefix}.{l}.b"] = TensorConvert.ToNdArray(ToScratchBlocks(added, kind, h));
                result[$"{prefix}.{l}.b_h"] = TensorConvert.ToNdArray(biasHh.narrow(0, 2 * h, h));
            }
        }

        if (!model.TiedWeights)
        {
            result["affine.W_hy"] = TensorConvert.ToNdArray(read(torch["affine.weight"]).t());
        }

        result["affine.b_y"] = TensorConvert.ToNdArray(read(torch["affine.bias"]));
        return result;
    }

    // Row blocks of a (gates·H, …) tensor from torch order to scratch order, and back.
    private static Tensor ToScratchBlocks(Tensor torchRows, RecurrentKind kind, int h) => Permute(torchRows, GateOrder(kind), h);

    private static Tensor ToTorchBlocks(Tensor scratchRows, RecurrentKind kind, int h)
    {
        var order = GateOrder(kind);
        var inverse = new int[order.Count];
        for (int k = 0; k < order.Count; k++)
        {
            inverse[order[k]] = k;
        }

        return Permute(scratchRows, inverse, h);
    }

    private static Tensor Permute(Tensor rows, IReadOnlyList<int> blocks, int h)
    {
        var index = blocks.SelectMany(k => Enumerable.Range(k * h, h)).Select(i => (long)i).ToArray();
        using var indexTensor = tensor(index);
        return rows.index_select(0, indexTensor);
    }

    private static Tensor AsTensor(NdArray<float> value) => TensorConvert.ToTensor(value);

    private static string Prefix(RecurrentKind kind) => kind == RecurrentKind.Lstm ? "lstm" : "gru";

    private static void RequireSameArchitecture(GatedLm<float> scratch, TorchGatedLm torch)
    {
        if (scratch.Kind != torch.Kind || scratch.Recurrent.Layers.Count != torch.Layers || scratch.TiedWeights != torch.TiedWeights
            || scratch.VocabularySize != torch.VocabularySize)
        {
            throw new ArgumentException(
                $"The models differ: scratch {scratch.Kind}, {scratch.Recurrent.Layers.Count} layer(s), tied {scratch.TiedWeights}, V = {scratch.VocabularySize}; " +
                $"TorchSharp {torch.Kind}, {torch.Layers} layer(s), tied {torch.TiedWeights}, V = {torch.VocabularySize}.");
        }
    }

    private static void Set(Tensor parameter, Tensor value)
    {
        using (value)
        {
            if (!parameter.shape.SequenceEqual(value.shape))
            {
                throw new ArgumentException(
                    $"value: expected ({string.Join(", ", parameter.shape)}) after orientation, got ({string.Join(", ", value.shape)}).", nameof(value));
            }

            parameter.copy_(value);
        }
    }
}
