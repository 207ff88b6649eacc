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
/// <see cref="TorchGatedLm.Bindings"/> does the same for stacked LSTM and GRU layers, with the gate blocks
/// re-ordered and a GRU's b_h bound to one block of bias_hh.
/// </remarks>
public static class WeightCopy
{
    /// <summary>Sets the TorchSharp module's weights to the scratch parameters' values, binding by binding.</summary>
    /// <exception cref="ArgumentException">
    /// A name is missing on either side, a scratch parameter has no binding, or a shape does not match
    /// (nothing is copied then).
    /// </exception>
    public static void ToTorch(IReadOnlyList<Parameter<float>> source, nn.Module target, IReadOnlyList<WeightBinding> bindings)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(bindings);
        var scratch = ByName(source);
        RequireEveryScratchParameterBound(scratch.Keys, bindings);
        var torch = ByName(target);
        #region CopyLoop
        // Every value in torch's layout (transposed, gate blocks re-ordered) and checked before anything is written.
        var values = bindings.Select(b => InTorchLayout(Find(scratch, b.Scratch, "scratch").Value, b)).ToArray();
        for (int i = 0; i < bindings.Count; i++)
        {
            RequireShape(TorchShape(Find(torch, bindings[i].Torch, "torch"), bindings[i]), values[i], bindings[i]);
        }

        using var noGrad = no_grad();
        for (int i = 0; i < bindings.Count; i++)
        {
            var binding = bindings[i];
            using var destination = TorchSlice(torch[binding.Torch], binding.TorchBlock);
            using var value = TensorConvert.ToTensor(values[i]);
            destination.copy_(value);
            if (binding.AddedTorchBias is string second)
            {
                // b_ih = b and b_hh = 0 (only on the gates where the two add).
                foreach (var gate in AddedGates(binding))
                {
                    using var zeroed = TorchSlice(Find(torch, second, "torch"), gate);
                    zeroed.zero_();
                }
            }
        }
        #endregion
    }

    /// <summary>Sets the scratch parameters' values to the TorchSharp module's weights (two biases summed).</summary>
    /// <exception cref="ArgumentException">A name is missing on either side, a scratch parameter has no binding, or a shape does not match.</exception>
    public static void ToScratch(nn.Module source, IReadOnlyList<Parameter<float>> target, IReadOnlyList<WeightBinding> bindings)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(bindings);
        var scratch = ByName(target);
        RequireEveryScratchParameterBound(scratch.Keys, bindings);
        var values = InScratchLayout(source, bindings, gradients: false);
        foreach (var (name, value) in values)
        {
            var parameter = Find(scratch, name, "scratch");
            if (!parameter.Value.SameShape(value))
            {
                throw new ArgumentException($"{name}: expected {parameter.Value.ShapeText}, got {value.ShapeText} from torch.", nameof(source));
            }
        }

        foreach (var (name, value) in values)
        {
            scratch[name].Value.CopyFrom(value);
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
            var first = Block(Read(Find(torch, binding.Torch, "torch"), binding.Torch, gradients), binding.TorchBlock, binding.Torch);
            if (binding.AddedTorchBias is string second && !gradients)
            {
                var other = Read(Find(torch, second, "torch"), second, gradient: false);
                foreach (var gate in AddedGates(binding))
                {
                    var (from, count) = gate is (int block, int of) ? (block * other.Length / of, other.Length / of) : (0, other.Length);
                    for (int i = from; i < from + count; i++)
                    {
                        first.Data[i] += other.Data[i];
                    }
                }
            }

            result.Add(binding.Scratch, InScratchLayout(first, binding));
        }

        return result;
    }

    // The torch blocks (block, of) the added bias covers, or one null for the whole parameter.
    private static IEnumerable<(int Block, int Of)?> AddedGates(WeightBinding binding)
    {
        if (binding.AddedTorchBiasGates is not { } gates)
        {
            return [null];
        }

        int of = binding.GateOrder?.Count
            ?? throw new ArgumentException($"{binding.Scratch}: AddedTorchBiasGates needs a GateOrder (how many blocks there are).", nameof(binding));
        return gates.Select(g => ((int, int)?)(g, of));
    }

    private static void RequireEveryScratchParameterBound(IEnumerable<string> scratchNames, IReadOnlyList<WeightBinding> bindings)
    {
        var bound = bindings.Select(b => b.Scratch).ToHashSet(StringComparer.Ordinal);
        var unbound = scratchNames.Where(n => !bound.Contains(n)).ToArray();
        if (unbound.Length > 0)
        {
            throw new ArgumentException(
                $"No binding for the scratch parameter(s) {string.Join(", ", unbound)}; the bindings cover: {string.Join(", ", bound)}. " +
                "Do the two models have the same architecture (kind, layers, tied weights)?", nameof(bindings));
        }
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

    // Block `block` of `of` along axis 0 of a torch-layout array, or the array itself.
    private static NdArray<float> Block(NdArray<float> value, (int Block, int Of)? torchBlock, string name)
    {
        if (torchBlock is not (int block, int of))
        {
            return value;
        }

        RequireBlock(value.Dim(0), block, of, name);
        int length = value.Length / of;
        int[] shape = [.. value.Shape];
        shape[0] /= of;
        return new NdArray<float>(value.Data.AsSpan(block * length, length).ToArray(), shape);
    }

    private static Tensor TorchSlice(Tensor parameter, (int Block, int Of)? torchBlock)
    {
        // A view: copying into it writes the parameter.
        var (index, count) = torchBlock ?? (0, 1);
        long rows = parameter.shape[0] / count;
        return parameter.narrow(0, index * rows, rows);
    }

    private static long[] TorchShape(Parameter parameter, WeightBinding binding)
    {
        long[] shape = [.. parameter.shape];
        if (binding.TorchBlock is (int block, int of))
        {
            RequireBlock(shape[0], block, of, binding.Torch);
            shape[0] /= of;
        }

        return shape;
    }

    private static void RequireBlock(long rows, int block, int of, string name)
    {
        if (of <= 0 || block < 0 || block >= of || rows % of != 0)
        {
            throw new ArgumentException($"{name}: block {block} of {of} does not split {rows} rows.", nameof(name));
        }
    }

    private static void RequireShape(long[] torchShape, NdArray<float> value, WeightBinding binding)
    {
        if (!torchShape.SequenceEqual(value.Shape.Select(d => (long)d)))
        {
            throw new ArgumentException(
                $"{binding.Scratch} → {binding.Torch}: expected ({string.Join(", ", torchShape)}), got {value.ShapeText} from scratch.", nameof(binding));
        }
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

    private static Dictionary<string, Parameter<float>> ByName(IReadOnlyList<Parameter<float>> parameters) =>
        parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);

    private static Dictionary<string, Parameter> ByName(nn.Module module) =>
        module.named_parameters().ToDictionary(p => p.name, p => p.parameter, StringComparer.Ordinal);

    private static TValue Find<TValue>(Dictionary<string, TValue> byName, string name, string side) =>
        byName.TryGetValue(name, out var value)
            ? value
            : throw new ArgumentException($"No {side} parameter named \"{name}\"; the {side} side has: {string.Join(", ", byName.Keys)}.", nameof(name));
}
