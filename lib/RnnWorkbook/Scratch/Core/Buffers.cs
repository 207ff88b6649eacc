namespace RnnWorkbook.Scratch;

/// <summary>
/// Reuse of a layer's work arrays: a new array is made only when the wanted shape differs from the one
/// held (the first call, or a new batch or sequence size), so steady-state training allocates nothing.
/// </summary>
internal static class Buffers
{
    public static NdArray<T> Ensure<T>(ref NdArray<T>? buffer, int d0) where T : unmanaged
    {
        if (buffer is null || buffer.Rank != 1 || buffer.Dim(0) != d0)
        {
            buffer = new NdArray<T>(d0);
        }

        return buffer;
    }

    public static NdArray<T> Ensure<T>(ref NdArray<T>? buffer, int d0, int d1) where T : unmanaged
    {
        if (buffer is null || buffer.Rank != 2 || buffer.Dim(0) != d0 || buffer.Dim(1) != d1)
        {
            buffer = new NdArray<T>(d0, d1);
        }

        return buffer;
    }

    public static NdArray<T> Ensure<T>(ref NdArray<T>? buffer, int d0, int d1, int d2) where T : unmanaged
    {
        if (buffer is null || buffer.Rank != 3 || buffer.Dim(0) != d0 || buffer.Dim(1) != d1 || buffer.Dim(2) != d2)
        {
            buffer = new NdArray<T>(d0, d1, d2);
        }

        return buffer;
    }

    /// <summary>The array given to Forward, required before Backward runs.</summary>
    public static NdArray<T> Saved<T>(NdArray<T>? input, string layer) where T : unmanaged =>
        input ?? throw new InvalidOperationException($"{layer}: call Forward before Backward.");
}
