using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// Inverted dropout (Srivastava et al. 2014; the book's BetterRnnlm): while training, each element is kept
/// with probability 1 − p and scaled by 1/(1 − p); in evaluation the layer passes its input through.
/// </summary>
/// <remarks>
/// Shapes: any → the same. No parameters.
/// <code>
///   training:    m ~ Bernoulli(1 − p) / (1 − p) element-wise,   y = x ⊙ m,   ∂L/∂x = ∂L/∂y ⊙ m
///   evaluation:  y = x,                                          ∂L/∂x = ∂L/∂y
/// </code>
/// Scaling at training time keeps E[y] = x, so nothing changes at evaluation time. The mask comes from the
/// layer's own seeded generator: the same seed gives the same masks.
/// </remarks>
public sealed class Dropout<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Random _random;
    private NdArray<T>? _mask;
    private bool _forwarded;

    /// <summary>Drops each element with probability <paramref name="rate"/> (0 ≤ p &lt; 1) while <see cref="Training"/>.</summary>
    public Dropout(double rate, int seed = Workbook.DefaultSeed)
    {
        if (!(rate >= 0 && rate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "rate: expected 0 ≤ p < 1.");
        }

        Rate = rate;
        _random = new Random(seed);
    }

    /// <summary>None.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; } = [];

    /// <summary>p, the probability of dropping an element.</summary>
    public double Rate { get; }

    /// <summary>True while training (elements are dropped); false for evaluation (the identity).</summary>
    public bool Training { get; set; } = true;

    /// <summary>y = x ⊙ m while training, else x.</summary>
    public NdArray<T> Forward(NdArray<T> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        _forwarded = true;
        if (!Training || Rate == 0)
        {
            _mask = null;
            return x;
        }

        var mask = NdArray<T>.UninitializedLike(x);
        T scale = T.CreateChecked(1 / (1 - Rate));
        for (int i = 0; i < mask.Length; i++)
        {
            mask.Data[i] = _random.NextDouble() >= Rate ? scale : T.Zero;
        }

        _mask = mask;
        return x * mask;
    }

    /// <summary>∂L/∂x = ∂L/∂y ⊙ m (the same mask as the Forward), or ∂L/∂y in evaluation.</summary>
    public NdArray<T> Backward(NdArray<T> dy)
    {
        if (!_forwarded)
        {
            throw new InvalidOperationException("Dropout: call Forward before Backward.");
        }

        return _mask is null ? dy : dy * _mask;
    }
}
