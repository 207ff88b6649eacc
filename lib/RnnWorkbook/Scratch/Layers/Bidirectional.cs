using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// Runs one recurrent layer forward in time and another over the reversed sequence, and puts their hidden
/// states side by side (Schuster &amp; Paliwal 1997): each h_t then sees the whole sequence.
/// </summary>
/// <remarks>
/// Shapes: xs (B, T, D) → hs (B, T, H_f + H_b).
/// <code>
///   →h_t = forward(x_0 … x_t)        ←h_t = backward(x_{T−1} … x_t)        h_t = [→h_t ; ←h_t]
///   ∂L/∂xs = forward.Backward(∂L/∂→hs) + reverse(backward.Backward(reverse(∂L/∂←hs)))
/// </code>
/// Works with any <see cref="IRecurrentLayer{T}"/>. The state is not carried between calls: the backward
/// direction starts at the sequence's end, so a block boundary has no past to continue from.
/// </remarks>
public sealed class Bidirectional<T> : IRecurrentLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly IRecurrentLayer<T> _forward, _backward;

    /// <summary>Wraps two layers of the same input size (their parameters stay theirs; names should differ, e.g. "fw." and "bw.").</summary>
    public Bidirectional(IRecurrentLayer<T> forward, IRecurrentLayer<T> backward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        if (forward.InputSize != backward.InputSize)
        {
            throw new ArgumentException($"backward: expected input size {forward.InputSize}, got {backward.InputSize}.", nameof(backward));
        }

        (_forward, _backward) = (forward, backward);
        (_forward.Stateful, _backward.Stateful) = (false, false);
        Parameters = Parameter<T>.Distinct([.. forward.Parameters, .. backward.Parameters]);
    }

    /// <summary>The layer that reads the sequence left to right.</summary>
    public IRecurrentLayer<T> ForwardLayer => _forward;

    /// <summary>The layer that reads the sequence right to left.</summary>
    public IRecurrentLayer<T> BackwardLayer => _backward;

    /// <inheritdoc/>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <inheritdoc/>
    public int InputSize => _forward.InputSize;

    /// <inheritdoc/>
    public int HiddenSize => _forward.HiddenSize + _backward.HiddenSize;

    /// <summary>Always false: see the remarks. Setting true fails.</summary>
    public bool Stateful
    {
        get => false;
        set
        {
            if (value)
            {
                throw new NotSupportedException("Bidirectional: the state cannot be carried between blocks (the backward direction starts at the block's end).");
            }
        }
    }

    /// <inheritdoc/>
    public NdArray<T> Forward(NdArray<T> xs)
    {
        ShapeCheck.Require(xs, nameof(xs), ShapeCheck.Any, ShapeCheck.Any, InputSize);
        var hf = _forward.Forward(xs);
        var hb = Reverse(_backward.Forward(Reverse(xs)));
        return ConcatLast(hf, hb);
    }

    /// <inheritdoc/>
    public NdArray<T> Backward(NdArray<T> dhs)
    {
        ShapeCheck.Require(dhs, nameof(dhs), ShapeCheck.Any, ShapeCheck.Any, HiddenSize);
        int batch = dhs.Dim(0), time = dhs.Dim(1), hf = _forward.HiddenSize;
        var flat = dhs.Reshape(batch * time, HiddenSize);
        var dhf = flat.Cols(0, hf).Reshape(batch, time, hf);
        var dhb = flat.Cols(hf, HiddenSize).Reshape(batch, time, HiddenSize - hf);
        var dxf = _forward.Backward(dhf);
        var dxb = Reverse(_backward.Backward(Reverse(dhb)));
        return dxf + dxb;
    }

    /// <inheritdoc/>
    public void ResetState()
    {
        _forward.ResetState();
        _backward.ResetState();
    }

    // xs[:, ::-1, :]
    private static NdArray<T> Reverse(NdArray<T> xs)
    {
        int time = xs.Dim(1);
        var reversed = Nd.Empty<T>(xs.Dim(0), time, xs.Dim(2));
        for (int t = 0; t < time; t++)
        {
            reversed.SetStep(time - 1 - t, xs.Step(t));
        }

        return reversed;
    }

    // np.concatenate([a, b], axis=-1) for (B, T, H_a) and (B, T, H_b)
    private static NdArray<T> ConcatLast(NdArray<T> a, NdArray<T> b)
    {
        int batch = a.Dim(0), time = a.Dim(1);
        return Nd.ConcatCols(a.Reshape(batch * time, a.Dim(2)), b.Reshape(batch * time, b.Dim(2))).Reshape(batch, time, -1);
    }
}
