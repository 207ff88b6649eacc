using System.Numerics;
using System.Numerics.Tensors;

namespace RnnWorkbook.Scratch;

/// <summary>
/// Softmax and cross-entropy of a batch of score rows against target ids, averaged over the rows that count.
/// Targets equal to <see cref="IgnoreIndex"/> (padding) add nothing to the loss or the gradient.
/// </summary>
/// <remarks>
/// Shapes: s (N, V) scores, ts (N) target ids → L (a number).
/// <code>
///   p_n = softmax(s_n)                        M = number of rows with t_n ≠ ignore index
///   L   = −(1/M) Σ_{n counted} log p_n[t_n]
///   ∂L/∂s_n = (p_n − onehot(t_n)) / M         (0 at ignored rows)
/// </code>
/// log p is computed as (s − max s) − log Σ exp(s − max s), which never takes the log of an underflowed 0.
/// With no counted row the loss is 0 and so is the gradient.
/// </remarks>
public sealed class SoftmaxWithLoss<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private NdArray<T>? _p;
    private NdArray<int>? _ts;
    private int _counted;

    /// <summary>Creates the loss; targets equal to <paramref name="ignoreIndex"/> are skipped (default −1).</summary>
    public SoftmaxWithLoss(int ignoreIndex = -1) => IgnoreIndex = ignoreIndex;

    /// <summary>None.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; } = [];

    /// <summary>The target id that marks a padded row.</summary>
    public int IgnoreIndex { get; }

    /// <summary>The probabilities (N, V) of the last Forward (zero rows where the target is ignored).</summary>
    public NdArray<T>? Probabilities => _p;

    /// <summary>The mean cross-entropy of scores s (N, V) against target ids ts (N).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A target is neither the ignore index nor a valid id.</exception>
    public T Forward(NdArray<T> s, NdArray<int> ts) => Forward(s, ts, timeSize: 0);

    /// <summary>Returns ∂L/∂s (N, V), scaled by <paramref name="dout"/> (1 when L is the final loss).</summary>
    public NdArray<T> Backward(T dout)
    {
        var p = _p ?? throw new InvalidOperationException("SoftmaxWithLoss: call Forward before Backward.");
        var ts = _ts!;
        int v = p.Dim(1);
        var ds = Nd.Empty<T>(p.Dim(0), v);
        T scale = _counted == 0 ? T.Zero : dout / T.CreateChecked(_counted);
        for (int n = 0; n < ts.Length; n++)
        {
            Span<T> row = ds.Data.AsSpan(n * v, v);
            int target = ts.Data[n];
            if (target == IgnoreIndex)
            {
                row.Clear();
                continue;
            }

            TensorPrimitives.Multiply(p.Data.AsSpan(n * v, v), scale, row);
            row[target] -= scale;
        }

        return ds;
    }

    /// <summary>∂L/∂s (N, V) of the loss itself (dout = 1).</summary>
    public NdArray<T> Backward() => Backward(T.One);

    // timeSize > 0: rows are B·T positions of a time layer, and errors name (b, t).
    internal T Forward(NdArray<T> s, NdArray<int> ts, int timeSize)
    {
        ShapeCheck.Require(s, nameof(s), ShapeCheck.Any, ShapeCheck.Any);
        int rows = s.Dim(0), v = s.Dim(1);
        ArgumentNullException.ThrowIfNull(ts);
        if (ts.Length != rows)
        {
            throw new ArgumentException($"ts: expected ({rows}), got {ts.ShapeText}", nameof(ts));
        }

        var p = Nd.Empty<T>(rows, v);
        double total = 0;
        int counted = 0;
        for (int n = 0; n < rows; n++)
        {
            int target = ts.Data[n];
            Span<T> pRow = p.Data.AsSpan(n * v, v);
            if (target == IgnoreIndex)
            {
                pRow.Clear();
                continue;
            }

            if ((uint)target >= (uint)v)
            {
                string position = timeSize == 0 ? $"{n}" : $"({n / timeSize}, {n % timeSize})";
                throw new ArgumentOutOfRangeException(nameof(ts), target,
                    $"Target id {target} at position {position} is outside the vocabulary of size {v}.");
            }

            // −log p[t] = log Σ exp(s − max) − (s[t] − max)
            ReadOnlySpan<T> sRow = s.Data.AsSpan(n * v, v);
            T max = TensorPrimitives.Max(sRow);
            TensorPrimitives.Subtract(sRow, max, pRow);
            TensorPrimitives.Exp(pRow, pRow);
            T sum = TensorPrimitives.Sum<T>(pRow);
            total += double.CreateChecked(T.Log(sum) - (sRow[target] - max));
            TensorPrimitives.Divide(pRow, sum, pRow);
            counted++;
        }

        (_p, _ts, _counted) = (p, ts, counted);
        return counted == 0 ? T.Zero : T.CreateChecked(total / counted);
    }
}
