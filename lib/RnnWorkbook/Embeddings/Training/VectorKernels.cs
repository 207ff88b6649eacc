using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RnnWorkbook.Embeddings;

/// <summary>
/// The two loops of a word2vec update, written with explicit SIMD: a dot product, and the fused pair
/// e += g·v, v += g·h, which reads v once instead of twice (two separate axpy calls read it twice).
/// </summary>
public static class VectorKernels
{
    /// <summary>a · b.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = a.Length, i = 0;
        ref float pa = ref MemoryMarshal.GetReference(a);
        ref float pb = ref MemoryMarshal.GetReference(b);
        float sum = 0;
        if (Vector512.IsHardwareAccelerated && n >= 16)
        {
            var acc = Vector512<float>.Zero;
            for (; i <= n - 16; i += 16)
            {
                acc = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref pa, (nuint)i), Vector512.LoadUnsafe(ref pb, (nuint)i), acc);
            }

            sum = Vector512.Sum(acc);
        }
        else if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            var acc = Vector256<float>.Zero;
            for (; i <= n - 8; i += 8)
            {
                acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref pa, (nuint)i), Vector256.LoadUnsafe(ref pb, (nuint)i), acc);
            }

            sum = Vector256.Sum(acc);
        }

        for (; i < n; i++)
        {
            sum += Unsafe.Add(ref pa, i) * Unsafe.Add(ref pb, i);
        }

        return sum;
    }

    /// <summary>e += g·v, then v += g·h, element by element.</summary>
    public static void AccumulateAndUpdate(Span<float> e, Span<float> v, ReadOnlySpan<float> h, float g)
    {
        int n = v.Length, i = 0;
        ref float pe = ref MemoryMarshal.GetReference(e);
        ref float pv = ref MemoryMarshal.GetReference(v);
        ref float ph = ref MemoryMarshal.GetReference(h);
        if (Vector512.IsHardwareAccelerated)
        {
            var gv = Vector512.Create(g);
            for (; i <= n - 16; i += 16)
            {
                var vi = Vector512.LoadUnsafe(ref pv, (nuint)i);
                Vector512.FusedMultiplyAdd(gv, vi, Vector512.LoadUnsafe(ref pe, (nuint)i)).StoreUnsafe(ref pe, (nuint)i);
                Vector512.FusedMultiplyAdd(gv, Vector512.LoadUnsafe(ref ph, (nuint)i), vi).StoreUnsafe(ref pv, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var gv = Vector256.Create(g);
            for (; i <= n - 8; i += 8)
            {
                var vi = Vector256.LoadUnsafe(ref pv, (nuint)i);
                Vector256.FusedMultiplyAdd(gv, vi, Vector256.LoadUnsafe(ref pe, (nuint)i)).StoreUnsafe(ref pe, (nuint)i);
                Vector256.FusedMultiplyAdd(gv, Vector256.LoadUnsafe(ref ph, (nuint)i), vi).StoreUnsafe(ref pv, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            float vi = Unsafe.Add(ref pv, i);
            Unsafe.Add(ref pe, i) += g * vi;
            Unsafe.Add(ref pv, i) = vi + (g * Unsafe.Add(ref ph, i));
        }
    }
}
