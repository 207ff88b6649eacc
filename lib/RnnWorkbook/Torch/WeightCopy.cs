using RnnWorkbook.Scratch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnWorkbook.Torch;

/// <summary>
/// Copies weights between <see cref="SimpleRnnLm{T}"/> (float) and <see cref="TorchRnnLm"/>, and reads the
/// TorchSharp gradients in the scratch layout, so both sides can be compared number by number.
/// </summary>
/// <remarks>
/// The scratch layers multiply row vectors by (in, out) matrices, x W; torch.nn stores (out, in) matrices
/// and computes x Wᵀ. So every matrix except the embedding table is transposed on the way:
/// <code>
///   scratch            TorchSharp
///   W_e  (V, D)    =   embedding.weight (V, D)
///   W_xh (D, H)    =   rnn.weight_ih_l0ᵀ (H, D)ᵀ
///   W_hh (H, H)    =   rnn.weight_hh_l0ᵀ
///   b    (H)       =   rnn.bias_ih_l0 + rnn.bias_hh_l0        (in: b_ih = b, b_hh = 0)
///   W_hy (H, V)    =   affine.weight (V, H)ᵀ
///   b_y  (V)       =   affine.bias
/// </code>
/// Both biases are added to the same pre-activation, so ∂L/∂b = ∂L/∂b_ih = ∂L/∂b_hh. When both are
/// trained, each takes its own optimizer step and their sum b moves twice as far as the scratch b; freeze
/// b_hh (<c>BiasHh.requires_grad_(false)</c>) to train the two models in lockstep.
/// </remarks>
public static class WeightCopy
{
    /// <summary>Sets the TorchSharp model's weights to the scratch model's.</summary>
    public static void ToTorch(SimpleRnnLm<float> source, TorchRnnLm target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        using var noGrad = no_grad();
        Set(target.EmbeddingWeight, source.Params[0], transpose: false);
        Set(target.WeightIh, source.Params[1], transpose: true);
        Set(target.WeightHh, source.Params[2], transpose: true);
        Set(target.BiasIh, source.Params[3], transpose: false);
        target.BiasHh.zero_();
        Set(target.AffineWeight, source.Params[4], transpose: true);
        Set(target.AffineBias, source.Params[5], transpose: false);
    }

    /// <summary>Sets the scratch model's weights to the TorchSharp model's (b = b_ih + b_hh).</summary>
    public static void ToScratch(TorchRnnLm source, SimpleRnnLm<float> target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var values = InScratchLayout(
            source.EmbeddingWeight, source.WeightIh, source.WeightHh, source.BiasIh, source.BiasHh, source.AffineWeight, source.AffineBias);
        for (int i = 0; i < values.Count; i++)
        {
            target.Params[i].CopyFrom(values[i]);
        }
    }

    /// <summary>The TorchSharp gradients as W_e, W_xh, W_hh, b, W_hy, b_y: the order and shapes of the scratch Grads.</summary>
    /// <exception cref="InvalidOperationException">No backward pass has run yet.</exception>
    public static IReadOnlyList<NdArray<float>> GradientsInScratchLayout(TorchRnnLm model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Tensor Grad(Parameter p) => p.grad ?? throw new InvalidOperationException("No gradient yet: call backward() first.");
        using var zeroBias = zeros_like(model.BiasHh);
        return InScratchLayout(
            Grad(model.EmbeddingWeight), Grad(model.WeightIh), Grad(model.WeightHh),
            Grad(model.BiasIh), zeroBias, Grad(model.AffineWeight), Grad(model.AffineBias));
    }

    private static List<NdArray<float>> InScratchLayout(
        Tensor embedding, Tensor weightIh, Tensor weightHh, Tensor biasIh, Tensor biasHh, Tensor affineWeight, Tensor affineBias)
    {
        using var wxh = weightIh.t();
        using var whh = weightHh.t();
        using var b = biasIh + biasHh;
        using var why = affineWeight.t();
        return [.. new[] { embedding, wxh, whh, b, why, affineBias }.Select(TensorConvert.ToNdArray)];
    }

    private static void Set(Tensor parameter, NdArray<float> value, bool transpose)
    {
        using var source = TensorConvert.ToTensor(value);
        using var oriented = transpose ? source.t() : source.alias();
        if (!parameter.shape.SequenceEqual(oriented.shape))
        {
            throw new ArgumentException(
                $"value: expected {string.Join(", ", parameter.shape)} after orientation, got {string.Join(", ", oriented.shape)}.", nameof(value));
        }

        parameter.copy_(oriented);
    }
}
