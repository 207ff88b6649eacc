using System.Numerics;
using System.Numerics.Tensors;

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
/// log p is computed as (y − max y) − log Σ exp(y − max y), which never takes the log of an underflowed 0.
/// With no counted position the loss is 0 and so is the gradient.
/// </remarks>
public sealed class TimeSoftmaxWithLoss<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private NdArray<T>? _ps, _dys;
    private NdArray<int>? _ts;
    private int _counted;

    /// <summary>Creates the loss; targets equal to <paramref name="ignoreIndex"/> are skipped (default −1).</summary>
    public TimeSoftmaxWithLoss(int ignoreIndex = -1) => IgnoreIndex = ignoreIndex;

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Params { get; } = [];

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Grads { get; } = [];

    /// <summary>The target id that marks a padded position.</summary>
    public int IgnoreIndex { get; }

    /// <summary>The softmax probabilities (B, T, V) of the last Forward (zero rows at ignored positions).</summary>
    public NdArray<T>? Probabilities => _ps;

    /// <summary>The mean cross-entropy of scores ys (B, T, V) against target ids ts (B, T).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A target is neither the ignore index nor a valid id.</exception>
    public T Forward(NdArray<T> ys, NdArray<int> ts)
    {
        ShapeCheck.Require(ys, nameof(ys), ShapeCheck.Any, ShapeCheck.Any, ShapeCheck.Any);
        int batch = ys.Dim(0), time = ys.Dim(1), v = ys.Dim(2);
        ShapeCheck.Require(ts, nameof(ts), batch, time);
        var ps = Buffers.Ensure(ref _ps, batch, time, v);
        double total = 0;
        int counted = 0;
        for (int n = 0; n < batch * time; n++)
        {
            int target = ts.Data[n];
            if (target == IgnoreIndex)
            {
                ps.Data.AsSpan(n * v, v).Clear();
                continue;
            }

            if ((uint)target >= (uint)v)
            {
                throw new ArgumentOutOfRangeException(nameof(ts), target,
                    $"Target id {target} at position ({n / time}, {n % time}) is outside the vocabulary of size {v}.");
            }

            ReadOnlySpan<T> y = ys.Data.AsSpan(n * v, v);
            Span<T> p = ps.Data.AsSpan(n * v, v);
            T max = TensorPrimitives.Max(y);
            TensorPrimitives.Subtract(y, max, p);
            TensorPrimitives.Exp(p, p);
            T sum = TensorPrimitives.Sum<T>(p);
            total += double.CreateChecked(T.Log(sum) - (y[target] - max));
            TensorPrimitives.Divide(p, sum, p);
            counted++;
        }

        (_ts, _counted) = (ts, counted);
        return counted == 0 ? T.Zero : T.CreateChecked(total / counted);
    }

    /// <summary>Returns ∂L/∂ys (B, T, V), scaled by <paramref name="dout"/> (1 when L is the final loss).</summary>
    public NdArray<T> Backward(T dout)
    {
        var ts = Buffers.Saved(_ts, nameof(TimeSoftmaxWithLoss<T>));
        var ps = _ps!;
        int v = ps.Dim(2);
        var dys = Buffers.Ensure(ref _dys, ps.Dim(0), ps.Dim(1), v);
        T scale = _counted == 0 ? T.Zero : dout / T.CreateChecked(_counted);
        for (int n = 0; n < ts.Length; n++)
        {
            Span<T> dy = dys.Data.AsSpan(n * v, v);
            int target = ts.Data[n];
            if (target == IgnoreIndex)
            {
                dy.Clear();
                continue;
            }

            TensorPrimitives.Multiply(ps.Data.AsSpan(n * v, v), scale, dy);
            dy[target] -= scale;
        }

        return dys;
    }
}
