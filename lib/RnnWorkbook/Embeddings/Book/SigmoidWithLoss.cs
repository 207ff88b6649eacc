using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Embeddings;

/// <summary>The sigmoid and the binary cross-entropy in one layer (the book's <c>SigmoidWithLoss</c>, §4.2.3).</summary>
/// <remarks>
/// Shapes: s (N) scores, t (N) labels 0 or 1 → L (a number).
/// <code>
///   y = σ(s) = 1 / (1 + e^(−s))       L = −(1/N) Σ_n [t_n log y_n + (1 − t_n) log(1 − y_n)]       ∂L/∂s_n = (y_n − t_n) / N
/// </code>
/// The loss is computed as log(1 + e^(−s)) for t = 1 and log(1 + e^s) for t = 0, written so that exp never overflows.
/// </remarks>
public sealed class SigmoidWithLoss<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private NdArray<T>? _y;
    private NdArray<int>? _t;

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Params { get; } = [];

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Grads { get; } = [];

    #region Layer
    /// <summary>The mean binary cross-entropy of scores s against labels t.</summary>
    public T Forward(NdArray<T> s, NdArray<int> t)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(t);
        if (t.Length != s.Length)
        {
            throw new ArgumentException($"t: expected {s.Length} labels, got {t.Length}.", nameof(t));
        }

        var y = new NdArray<T>(s.Length);
        T total = T.Zero;
        for (int n = 0; n < s.Length; n++)
        {
            if (t[n] is not (0 or 1))
            {
                throw new ArgumentOutOfRangeException(nameof(t), t[n], $"Label at position {n} must be 0 or 1.");
            }

            y[n] = T.One / (T.One + T.Exp(-s[n]));
            T margin = t[n] == 1 ? s[n] : -s[n];                  // −log σ(margin) = softplus(−margin)
            total += Softplus(-margin);
        }

        (_y, _t) = (y, t);
        return total / T.CreateChecked(s.Length);
    }

    /// <summary>∂L/∂s = (y − t) · dout / N.</summary>
    public NdArray<T> Backward(T dout)
    {
        var y = _y ?? throw new InvalidOperationException("SigmoidWithLoss: call Forward before Backward.");
        var ds = new NdArray<T>(y.Length);
        T scale = dout / T.CreateChecked(y.Length);
        for (int n = 0; n < y.Length; n++)
        {
            ds[n] = (y[n] - T.CreateChecked(_t![n])) * scale;
        }

        return ds;
    }

    /// <summary>log(1 + e^x) without overflow.</summary>
    private static T Softplus(T x) => T.Max(x, T.Zero) + T.Log(T.One + T.Exp(-T.Abs(x)));
    #endregion
}
