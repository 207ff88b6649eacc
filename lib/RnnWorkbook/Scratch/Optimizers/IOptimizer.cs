using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>Updates parameters in place from their gradients: one call per training step.</summary>
public interface IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Updates each <paramref name="parameters"/>[i] using <paramref name="grads"/>[i] (same order and shapes).</summary>
    void Update(IReadOnlyList<NdArray<T>> parameters, IReadOnlyList<NdArray<T>> grads);
}
