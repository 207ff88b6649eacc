using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Embeddings;

/// <summary>The sigmoid and the binary cross-entropy in one layer (the book's <c>SigmoidWithLoss</c>, §4.2.3).</summary>
/// <remarks>
/// Shapes: s (N) scores, t (N) labels 0 or 1 → L (a number).
/// <code>
///   y = σ(s) = 1 / (1 + e^(−s))       L = −(1/N) Σ_n [t_n log y_n + (1 − t_n) log(1 − y_n)]       ∂L/∂s = (y − t) / N
/// </code>
/// The loss is computed as log(1 + e^(−s)) for t = 1 and log(1 + e^s) for t = 0, written so that exp never overflows.
/// </remarks>
public sealed class SigmoidWithLoss<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private NdArray<T>? _y, _t;

    /// <summary>None.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; } = [];

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

        var labels = Nd.Empty<T>([.. s.Shape]);
        T total = T.Zero;
        for (int n = 0; n < s.Length; n++)
        {
            if (t.Data[n] is not (0 or 1))
            {
                throw new ArgumentOutOfRangeException(nameof(t), t.Data[n], $"Label at position {n} must be 0 or 1.");
            }

            labels.Data[n] = T.CreateChecked(t.Data[n]);
            T margin = t.Data[n] == 1 ? s.Data[n] : -s.Data[n];     // −log σ(margin) = softplus(−margin)
            total += Softplus(-margin);
        }

        (_y, _t) = (s.Sigmoid(), labels);
        return total / T.CreateChecked(s.Length);
    }

    /// <summary>∂L/∂s = (y − t) · dout / N.</summary>
    public NdArray<T> Backward(T dout)
    {
        var (y, t) = (_y ?? throw new InvalidOperationException("SigmoidWithLoss: call Forward before Backward."), _t!);

        var ds = (y - t) * (dout / T.CreateChecked(y.Length));

        return ds;
    }

    /// <summary>log(1 + e^x) without overflow.</summary>
    private static T Softplus(T x) => T.Max(x, T.Zero) + T.Log(T.One + T.Exp(-T.Abs(x)));
    #endregion
}
