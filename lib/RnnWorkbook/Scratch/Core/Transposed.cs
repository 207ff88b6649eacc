namespace RnnWorkbook.Scratch;

/// <summary>
/// A matrix seen transposed, made by <see cref="Nd.T{T}"/> and consumed by <c>MatMul</c>: xᵀ·da and da·Wᵀ are
/// written <c>x.T().MatMul(da)</c> and <c>da.MatMul(W.T())</c>, as NumPy's <c>np.dot(x.T, da)</c>.
/// </summary>
public readonly struct Transposed<T> where T : unmanaged
{
    internal Transposed(NdArray<T> source) => Source = source;

    /// <summary>The array before transposing.</summary>
    public NdArray<T> Source { get; }
}
