using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// Softmax and cross-entropy at every time step, averaged over the positions that count: the loss of a
/// language model. Targets equal to <see cref="IgnoreIndex"/> (padding) add nothing to the loss or the gradient.
/// </summary>
/// <remarks>
/// Shapes: ys (B, T, V) scores, ts (B, T) target ids → L (a number).
/// <code>
///   p_t = softmax(y_t)                         N = number of positions with t_bt ≠ ignore index
///   L   = −(1/N) Σ_{b,t counted} log p_t[b, t_bt]
///   ∂L/∂y_t[b] = (p_t[b] − onehot(t_bt)) / N    (0 at ignored positions)
/// </code>
/// No step depends on another, so this is one <see cref="SoftmaxWithLoss{T}"/> on the B·T rows.
/// </remarks>
public sealed class TimeSoftmaxWithLoss<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly SoftmaxWithLoss<T> _loss;
    private (int Batch, int Time)? _shape;

    /// <summary>Creates the loss; targets equal to <paramref name="ignoreIndex"/> are skipped (default −1).</summary>
    public TimeSoftmaxWithLoss(int ignoreIndex = -1) => _loss = new SoftmaxWithLoss<T>(ignoreIndex);

    /// <summary>None.</summary>
    public IReadOnlyList<Parameter<T>> Parameters => _loss.Parameters;

    /// <summary>The target id that marks a padded position.</summary>
    public int IgnoreIndex => _loss.IgnoreIndex;

    /// <summary>The softmax probabilities (B, T, V) of the last Forward (zero rows at ignored positions).</summary>
    public NdArray<T>? Probabilities => _shape is var (batch, time) ? _loss.Probabilities?.Reshape(batch, time, -1) : null;

    /// <summary>The mean cross-entropy of scores ys (B, T, V) against target ids ts (B, T).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A target is neither the ignore index nor a valid id.</exception>
    public T Forward(NdArray<T> ys, NdArray<int> ts)
    {
        ShapeCheck.Require(ys, nameof(ys), ShapeCheck.Any, ShapeCheck.Any, ShapeCheck.Any);
        var (batch, time) = (ys.Dim(0), ys.Dim(1));
        ShapeCheck.Require(ts, nameof(ts), batch, time);
        _shape = (batch, time);
        return _loss.Forward(ys.Reshape(batch * time, -1), ts, timeSize: time);
    }

    /// <summary>Returns ∂L/∂ys (B, T, V), scaled by <paramref name="dout"/> (1 when L is the final loss).</summary>
    public NdArray<T> Backward(T dout)
    {
        var (batch, time) = _shape ?? throw new InvalidOperationException("TimeSoftmaxWithLoss: call Forward before Backward.");
        return _loss.Backward(dout).Reshape(batch, time, -1);
    }
}
