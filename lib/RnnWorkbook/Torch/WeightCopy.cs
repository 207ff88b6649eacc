using RnnWorkbook.Scratch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnWorkbook.Torch;

/// <summary>
/// Copies weights by name between a scratch model's <see cref="Parameter{T}"/>s (float) and a TorchSharp
/// module, and reads the TorchSharp gradients in the scratch layout, so both sides can be compared number
/// by number. A twin lists its <see cref="WeightBinding"/>s (e.g. <see cref="TorchRnnLm.Bindings"/>).
/// </summary>
/// <remarks>
/// The scratch layers multiply row vectors by (in, out) matrices, x W; torch.nn stores (out, in) matrices
/// and computes x Wᵀ, so every matrix except an embedding table is transposed on the way. Gate blocks are
/// re-ordered by <see cref="WeightBinding.GateOrder"/>; two torch biases fold into one scratch b.
/// For <see cref="SimpleRnnLm{T}"/> and <see cref="TorchRnnLm"/>:
/// <code>
///   scratch                   TorchSharp
///   embedding.W_e  (V, D)  =  embedding.weight (V, D)
///   rnn.W_xh       (D, H)  =  rnn.weight_ih_l0ᵀ (H, D)ᵀ
///   rnn.W_hh       (H, H)  =  rnn.weight_hh_l0ᵀ
///   rnn.b          (H)     =  rnn.bias_ih_l0 + rnn.bias_hh_l0        (to torch: b_ih = b, b_hh = 0)
///   affine.W_hy    (H, V)  =  affine.weight (V, H)ᵀ
///   affine.b_y     (V)     =  affine.bias
/// </code>
/// Both biases are added to the same pre-activation, so ∂L/∂b = ∂L/∂b_ih = ∂L/∂b_hh. When both are
/// trained, each takes its own optimizer step and their sum b moves twice as far as the scratch b; freeze
/// b_hh (<c>BiasHh.requires_grad_(false)</c>) to train the two models in lockstep.
/// </remarks>
public static class WeightCopy
{
    /// <summary>Sets the TorchSharp module's weights to the scratch parameters' values, binding by binding.</summary>
    /// <exception cref="ArgumentException">A name is missing on either side, or a shape does not match.</exception>
    public static void ToTorch(IReadOnlyList<Parameter<float>> source, nn.Module target, IReadOnlyList<WeightBinding> bindings)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(bindings);
        var scratch = ByName(source);
        var torch = ByName(target);
        using var noGrad = no_grad();
        foreach (var binding in bindings)
        {
            var value = InTorchLayout(Find(scratch, binding.Scratch, "scratch").Value, binding);
            Set(Find(torch, binding.Torch, "torch"), value, binding.Torch);
            if (binding.AddedTorchBias is string second)
            {
                Find(torch, second, "torch").zero_();
            }
        }
    }

    /// <summary>Sets the scratch parameters' values to the TorchSharp module's weights (two biases summed).</summary>
    /// <exception cref="ArgumentException">A name is missing on either side, or a shape does not match.</exception>
    public static void ToScratch(nn.Module source, IReadOnlyList<Parameter<float>> target, IReadOnlyList<WeightBinding> bindings)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(bindings);
        var scratch = ByName(target);
        foreach (var (name, value) in InScratchLayout(source, bindings, gradients: false))
        {
            var parameter = Find(scratch, name, "scratch");
            if (!parameter.Value.SameShape(value))
            {
                throw new ArgumentException($"{name}: expected {parameter.Value.ShapeText}, got {value.ShapeText} from torch.", nameof(source));
            }

            parameter.Value.CopyFrom(value);
        }
    }

    /// <summary>The TorchSharp gradients in the scratch layout, by scratch name (∂L/∂b once for two torch biases).</summary>
    /// <exception cref="InvalidOperationException">No backward pass has run yet.</exception>
    public static IReadOnlyDictionary<string, NdArray<float>> Gradients(nn.Module source, IReadOnlyList<WeightBinding> bindings)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(bindings);
        return InScratchLayout(source, bindings, gradients: true);
    }

    /// <summary>Sets the twin's weights to the scratch model's (<see cref="TorchRnnLm.Bindings"/>).</summary>
    public static void ToTorch(SimpleRnnLm<float> source, TorchRnnLm target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ToTorch(source.Parameters, target, TorchRnnLm.Bindings);
    }

    /// <summary>Sets the scratch model's weights to the twin's (b = b_ih + b_hh).</summary>
    public static void ToScratch(TorchRnnLm source, SimpleRnnLm<float> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        ToScratch(source, target.Parameters, TorchRnnLm.Bindings);
    }

    /// <summary>The twin's gradients by scratch name ("rnn.W_xh", …), in the scratch layout.</summary>
    public static IReadOnlyDictionary<string, NdArray<float>> Gradients(TorchRnnLm source) => Gradients(source, TorchRnnLm.Bindings);

    /// <summary>Scratch layout → torch layout: transpose, then move gate block k to block GateOrder[k].</summary>
    public static NdArray<float> InTorchLayout(NdArray<float> value, WeightBinding binding)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(binding);
        var oriented = binding.Transpose ? Transposed(value) : value.Clone();
        return binding.GateOrder is { } order ? ReorderBlocks(oriented, order, toTorch: true, binding.Scratch) : oriented;
    }

    /// <summary>Torch layout → scratch layout: the inverse of <see cref="InTorchLayout"/>.</summary>
    public static NdArray<float> InScratchLayout(NdArray<float> value, WeightBinding binding)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(binding);
        var ordered = binding.GateOrder is { } order ? ReorderBlocks(value, order, toTorch: false, binding.Scratch) : value;
        return binding.Transpose ? Transposed(ordered) : ordered.Clone();
    }

    private static Dictionary<string, NdArray<float>> InScratchLayout(nn.Module source, IReadOnlyList<WeightBinding> bindings, bool gradients)
    {
        var torch = ByName(source);
        var result = new Dictionary<string, NdArray<float>>(StringComparer.Ordinal);
        foreach (var binding in bindings)
        {
            var first = Read(Find(torch, binding.Torch, "torch"), binding.Torch, gradients);
            if (binding.AddedTorchBias is string second && !gradients)
            {
                var other = Read(Find(torch, second, "torch"), second, gradient: false);
                for (int i = 0; i < first.Length; i++)
                {
                    first.Data[i] += other.Data[i];
                }
            }

            result.Add(binding.Scratch, InScratchLayout(first, binding));
        }

        return result;
    }

    private static NdArray<float> Read(Parameter parameter, string name, bool gradient)
    {
        if (!gradient)
        {
            return TensorConvert.ToNdArray(parameter);
        }

        var grad = parameter.grad ?? throw new InvalidOperationException($"{name} has no gradient yet: call backward() first.");
        return TensorConvert.ToNdArray(grad);
    }

    private static NdArray<float> Transposed(NdArray<float> value)
    {
        if (value.Rank != 2)
        {
            throw new ArgumentException($"value: only a matrix is transposed, got {value.ShapeText}", nameof(value));
        }

        var result = new NdArray<float>(value.Dim(1), value.Dim(0));
        for (int i = 0; i < value.Dim(0); i++)
        {
            for (int j = 0; j < value.Dim(1); j++)
            {
                result[j, i] = value[i, j];
            }
        }

        return result;
    }

    // Blocks along axis 0 (torch layout). toTorch: result block order[k] = value block k; else the inverse.
    private static NdArray<float> ReorderBlocks(NdArray<float> value, IReadOnlyList<int> order, bool toTorch, string name)
    {
        int gates = order.Count, rows = value.Dim(0);
        if (gates == 0 || rows % gates != 0 || !order.Order().SequenceEqual(Enumerable.Range(0, gates)))
        {
            throw new ArgumentException($"{name}: gate order [{string.Join(", ", order)}] does not split {value.ShapeText} into {gates} blocks.", nameof(order));
        }

        int block = value.Length / gates;
        var result = new NdArray<float>([.. value.Shape]);
        for (int k = 0; k < gates; k++)
        {
            var (from, to) = toTorch ? (k, order[k]) : (order[k], k);
            value.Data.AsSpan(from * block, block).CopyTo(result.Data.AsSpan(to * block, block));
        }

        return result;
    }

    private static void Set(Parameter parameter, NdArray<float> value, string name)
    {
        using var source = TensorConvert.ToTensor(value);
        if (!parameter.shape.SequenceEqual(source.shape))
        {
            throw new ArgumentException(
                $"{name}: expected ({string.Join(", ", parameter.shape)}), got ({string.Join(", ", source.shape)}) from scratch.", nameof(value));
        }

        parameter.copy_(source);
    }

    private static Dictionary<string, Parameter<float>> ByName(IReadOnlyList<Parameter<float>> parameters) =>
        parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);

    private static Dictionary<string, Parameter> ByName(nn.Module module) =>
        module.named_parameters().ToDictionary(p => p.name, p => p.parameter, StringComparer.Ordinal);

    private static TValue Find<TValue>(Dictionary<string, TValue> byName, string name, string side) =>
        byName.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"No {side} parameter named \"{name}\"; the {side} side has: {string.Join(", ", byName.Keys)}.", nameof(name));
}
