using System.Numerics;
using System.Numerics.Tensors;

namespace RnnWorkbook.Scratch;

/// <summary>Gradient clipping by global norm: the cure for exploding gradients in BPTT.</summary>
/// <remarks>
/// <code>
///   ‖g‖ = √(Σ over all gradients of Σ g²)
///   if ‖g‖ > threshold:  g ← g · threshold / (‖g‖ + 10⁻⁶)
/// </code>
/// Every gradient is scaled by the same factor, so the direction of the update is kept.
/// </remarks>
public static class GradientClipping
{
    /// <summary>Scales <paramref name="grads"/> in place so their global norm is at most <paramref name="maxNorm"/>.</summary>
    /// <returns>The global norm before clipping.</returns>
    public static double ClipByGlobalNorm<T>(IReadOnlyList<NdArray<T>> grads, double maxNorm)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(grads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxNorm);
        double sumOfSquares = 0;
        for (int i = 0; i < grads.Count; i++)
        {
            sumOfSquares += double.CreateChecked(TensorPrimitives.SumOfSquares<T>(grads[i].Data));
        }

        double norm = Math.Sqrt(sumOfSquares);
        double rate = maxNorm / (norm + 1e-6);
        if (rate < 1)
        {
            T scale = T.CreateChecked(rate);
            for (int i = 0; i < grads.Count; i++)
            {
                TensorPrimitives.Multiply(grads[i].Data, scale, grads[i].Data);
            }
        }

        return norm;
    }
}
