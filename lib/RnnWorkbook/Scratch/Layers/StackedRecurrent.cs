using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// Recurrent layers stacked in depth: the hidden states of layer ℓ are the inputs of layer ℓ + 1, with
/// inverted dropout between them while training (Zaremba et al. 2014; the book's BetterRnnlm).
/// </summary>
/// <remarks>
/// Shapes: xs (B, T, D) → layer 0 → (B, T, H₀) → dropout → layer 1 → … → hs (B, T, H_last).
/// <code>
///   h⁰ = xs,   hˡ⁺¹ = layer_ℓ(dropout(hˡ))  (no dropout before layer 0: the model drops its embedding itself)
///   backward in the reverse order, each dropout with the mask of its forward
/// </code>
/// Works with any <see cref="IRecurrentLayer{T}"/>: LSTM, GRU, bidirectional layers.
/// </remarks>
public sealed class StackedRecurrent<T> : IRecurrentLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly IRecurrentLayer<T>[] _layers;
    private readonly Dropout<T>[] _dropouts;

    /// <summary>Stacks <paramref name="layers"/> (each one's input size the previous one's hidden size).</summary>
    /// <param name="layers">At least one layer.</param>
    /// <param name="dropout">Dropout rate between layers (0: none).</param>
    /// <param name="seed">Seed of the dropout masks.</param>
    public StackedRecurrent(IReadOnlyList<IRecurrentLayer<T>> layers, double dropout = 0, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
        {
            throw new ArgumentException("layers: expected at least one layer.", nameof(layers));
        }

        for (int l = 1; l < layers.Count; l++)
        {
            if (layers[l].InputSize != layers[l - 1].HiddenSize)
            {
                throw new ArgumentException(
                    $"layers[{l}]: expected input size {layers[l - 1].HiddenSize} (the hidden size of layers[{l - 1}]), got {layers[l].InputSize}.", nameof(layers));
            }
        }

        _layers = [.. layers];
        _dropouts = [.. Enumerable.Range(0, layers.Count - 1).Select(l => new Dropout<T>(dropout, seed + 100 + l))];
        Parameters = Parameter<T>.Distinct(_layers.SelectMany(layer => layer.Parameters));
    }

    /// <summary>The layers, bottom first.</summary>
    public IReadOnlyList<IRecurrentLayer<T>> Layers => _layers;

    /// <inheritdoc/>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <inheritdoc/>
    public int InputSize => _layers[0].InputSize;

    /// <inheritdoc/>
    public int HiddenSize => _layers[^1].HiddenSize;

    /// <inheritdoc/>
    public bool Stateful
    {
        get => _layers[0].Stateful;
        set
        {
            foreach (var layer in _layers)
            {
                layer.Stateful = value;
            }
        }
    }

    /// <summary>True while training: the dropout between layers is active.</summary>
    public bool Training
    {
        get => _dropouts.Length == 0 || _dropouts[0].Training;
        set
        {
            foreach (var dropout in _dropouts)
            {
                dropout.Training = value;
            }
        }
    }

    /// <inheritdoc/>
    public NdArray<T> Forward(NdArray<T> xs)
    {
        var h = _layers[0].Forward(xs);
        for (int l = 1; l < _layers.Length; l++)
        {
            h = _layers[l].Forward(_dropouts[l - 1].Forward(h));
        }

        return h;
    }

    /// <inheritdoc/>
    public NdArray<T> Backward(NdArray<T> dhs)
    {
        var dh = dhs;
        for (int l = _layers.Length - 1; l >= 1; l--)
        {
            dh = _dropouts[l - 1].Backward(_layers[l].Backward(dh));
        }

        return _layers[0].Backward(dh);
    }

    /// <inheritdoc/>
    public void ResetState()
    {
        foreach (var layer in _layers)
        {
            layer.ResetState();
        }
    }
}
