using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RnnWorkbook.Scratch;

/// <summary>
/// The matrix product every layer uses, C = A·B or C += A·B, as a small sgemm-like kernel: C is computed
/// in tiles of 8 (or 4) rows × 2 SIMD vectors held in registers while k runs, B is read row by row, and k is cut
/// into blocks of 256 so that the rows of B in use stay in the L1 cache.
/// </summary>
/// <remarks>
/// A is read through two strides, A(i, p) = a[i·aRowStride + p·aColStride], so the same kernel computes
/// X·W (aColStride = 1) and Xᵀ·dY (aRowStride = 1) without copying X. B and C are row-major with leading
/// dimensions ldb and ldc, which lets a layer pass step t of a (B, T, H) array as a B × H matrix with
/// ldc = T·H. Products with a transposed weight (dY·Wᵀ) transpose W once with <see cref="Transpose"/>.
/// Each element of C is summed in the same order on every run, so results are bit-identical run to run.
/// </remarks>
internal static class Gemm
{
    private const int KBlock = 256;
    private const int RowBlock = 4;

    public static void Multiply<T>(
        int m, int n, int k,
        ReadOnlySpan<T> a, int aRowStride, int aColStride,
        ReadOnlySpan<T> b, int ldb,
        Span<T> c, int ldc,
        bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        CheckSizes(m, n, k, a.Length, aRowStride, aColStride, b.Length, ldb, c.Length, ldc);
        if (m == 0 || n == 0)
        {
            return;
        }

        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T b0 = ref MemoryMarshal.GetReference(b);
        ref T c0 = ref MemoryMarshal.GetReference(c);
        if (k == 0 && !accumulate)
        {
            for (int i = 0; i < m; i++)
            {
                c.Slice(i * ldc, n).Clear();
            }
        }

        for (int p = 0; p < k; p += KBlock)
        {
            int kc = Math.Min(KBlock, k - p);
            ref T aBlock = ref Unsafe.Add(ref a0, (nint)p * aColStride);
            ref T bBlock = ref Unsafe.Add(ref b0, (nint)p * ldb);
            if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
            {
                MultiplyBlock(m, n, kc, ref aBlock, aRowStride, aColStride, ref bBlock, ldb, ref c0, ldc, accumulate || p > 0);
            }
            else
            {
                MultiplyScalar(m, n, kc, ref aBlock, aRowStride, aColStride, ref bBlock, ldb, ref c0, ldc, accumulate || p > 0);
            }
        }
    }

    /// <summary>
    /// C = A·Bᵀ or C += A·Bᵀ for A (m × k, row-major, leading dimension lda) and B (n × k, row-major, ldb): each
    /// C(i, j) is the dot product of row i of A and row j of B, so Bᵀ is never formed (da·Wᵀ in every backward).
    /// </summary>
    /// <remarks>Tiles of 4 × 4 dot products are accumulated in SIMD registers while k runs, then summed across lanes.</remarks>
    public static void MultiplyTransposedB<T>(
        int m, int n, int k, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, Span<T> c, int ldc, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (m == 0 || n == 0)
        {
            return;
        }

        if (lda < k || ldb < k || ldc < n || a.Length < (long)(m - 1) * lda + k || b.Length < (long)(n - 1) * ldb + k
            || c.Length < (long)(m - 1) * ldc + n)
        {
            throw new ArgumentException(
                $"Matrix product {m} × {k} · ({n} × {k})ᵀ: buffers too small or bad strides (a {a.Length}, b {b.Length}, c {c.Length}, lda {lda}, ldb {ldb}, ldc {ldc}).");
        }

        bool vectorized = Vector.IsHardwareAccelerated && Vector<T>.IsSupported;
        int kMain = vectorized ? k - k % Vector<T>.Count : 0;
        int i = 0;
        for (; vectorized && i + 4 <= m; i += 4)
        {
            int j = 0;
            for (; j + 4 <= n; j += 4)
            {
                Dot4x4(k, kMain, a.Slice(i * lda), lda, b.Slice(j * ldb), ldb, c.Slice(i * ldc + j), ldc, accumulate);
            }

            for (; j < n; j++)
            {
                for (int r = 0; r < 4; r++)
                {
                    Store(c, (i + r) * ldc + j, TensorPrimitives.Dot(a.Slice((i + r) * lda, k), b.Slice(j * ldb, k)), accumulate);
                }
            }
        }

        for (; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Store(c, i * ldc + j, TensorPrimitives.Dot(a.Slice(i * lda, k), b.Slice(j * ldb, k)), accumulate);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T>(Span<T> c, int index, T value, bool accumulate) where T : unmanaged, INumberBase<T> =>
        c[index] = accumulate ? c[index] + value : value;

    private static void Dot4x4<T>(
        int k, int kMain, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, Span<T> c, int ldc, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        ref T a0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(a), (nint)0 * lda);
        ref T a1 = ref Unsafe.Add(ref MemoryMarshal.GetReference(a), (nint)1 * lda);
        ref T a2 = ref Unsafe.Add(ref MemoryMarshal.GetReference(a), (nint)2 * lda);
        ref T a3 = ref Unsafe.Add(ref MemoryMarshal.GetReference(a), (nint)3 * lda);
        ref T b0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(b), (nint)0 * ldb);
        ref T b1 = ref Unsafe.Add(ref MemoryMarshal.GetReference(b), (nint)1 * ldb);
        ref T b2 = ref Unsafe.Add(ref MemoryMarshal.GetReference(b), (nint)2 * ldb);
        ref T b3 = ref Unsafe.Add(ref MemoryMarshal.GetReference(b), (nint)3 * ldb);
        Vector<T> c00 = Vector<T>.Zero, c01 = Vector<T>.Zero, c02 = Vector<T>.Zero, c03 = Vector<T>.Zero, c10 = Vector<T>.Zero, c11 = Vector<T>.Zero, c12 = Vector<T>.Zero, c13 = Vector<T>.Zero, c20 = Vector<T>.Zero, c21 = Vector<T>.Zero, c22 = Vector<T>.Zero, c23 = Vector<T>.Zero, c30 = Vector<T>.Zero, c31 = Vector<T>.Zero, c32 = Vector<T>.Zero, c33 = Vector<T>.Zero;
        for (int p = 0; p < kMain; p += Vector<T>.Count)
        {
            var va0 = Vector.LoadUnsafe(ref a0, (nuint)p);
            var va1 = Vector.LoadUnsafe(ref a1, (nuint)p);
            var va2 = Vector.LoadUnsafe(ref a2, (nuint)p);
            var va3 = Vector.LoadUnsafe(ref a3, (nuint)p);
            var vb0 = Vector.LoadUnsafe(ref b0, (nuint)p);
            var vb1 = Vector.LoadUnsafe(ref b1, (nuint)p);
            var vb2 = Vector.LoadUnsafe(ref b2, (nuint)p);
            var vb3 = Vector.LoadUnsafe(ref b3, (nuint)p);
            c00 = MultiplyAdd(va0, vb0, c00);
            c01 = MultiplyAdd(va0, vb1, c01);
            c02 = MultiplyAdd(va0, vb2, c02);
            c03 = MultiplyAdd(va0, vb3, c03);
            c10 = MultiplyAdd(va1, vb0, c10);
            c11 = MultiplyAdd(va1, vb1, c11);
            c12 = MultiplyAdd(va1, vb2, c12);
            c13 = MultiplyAdd(va1, vb3, c13);
            c20 = MultiplyAdd(va2, vb0, c20);
            c21 = MultiplyAdd(va2, vb1, c21);
            c22 = MultiplyAdd(va2, vb2, c22);
            c23 = MultiplyAdd(va2, vb3, c23);
            c30 = MultiplyAdd(va3, vb0, c30);
            c31 = MultiplyAdd(va3, vb1, c31);
            c32 = MultiplyAdd(va3, vb2, c32);
            c33 = MultiplyAdd(va3, vb3, c33);
        }

        Finish(c, 0 * ldc + 0, Vector.Sum(c00), ref a0, ref b0, kMain, k, accumulate);
        Finish(c, 0 * ldc + 1, Vector.Sum(c01), ref a0, ref b1, kMain, k, accumulate);
        Finish(c, 0 * ldc + 2, Vector.Sum(c02), ref a0, ref b2, kMain, k, accumulate);
        Finish(c, 0 * ldc + 3, Vector.Sum(c03), ref a0, ref b3, kMain, k, accumulate);
        Finish(c, 1 * ldc + 0, Vector.Sum(c10), ref a1, ref b0, kMain, k, accumulate);
        Finish(c, 1 * ldc + 1, Vector.Sum(c11), ref a1, ref b1, kMain, k, accumulate);
        Finish(c, 1 * ldc + 2, Vector.Sum(c12), ref a1, ref b2, kMain, k, accumulate);
        Finish(c, 1 * ldc + 3, Vector.Sum(c13), ref a1, ref b3, kMain, k, accumulate);
        Finish(c, 2 * ldc + 0, Vector.Sum(c20), ref a2, ref b0, kMain, k, accumulate);
        Finish(c, 2 * ldc + 1, Vector.Sum(c21), ref a2, ref b1, kMain, k, accumulate);
        Finish(c, 2 * ldc + 2, Vector.Sum(c22), ref a2, ref b2, kMain, k, accumulate);
        Finish(c, 2 * ldc + 3, Vector.Sum(c23), ref a2, ref b3, kMain, k, accumulate);
        Finish(c, 3 * ldc + 0, Vector.Sum(c30), ref a3, ref b0, kMain, k, accumulate);
        Finish(c, 3 * ldc + 1, Vector.Sum(c31), ref a3, ref b1, kMain, k, accumulate);
        Finish(c, 3 * ldc + 2, Vector.Sum(c32), ref a3, ref b2, kMain, k, accumulate);
        Finish(c, 3 * ldc + 3, Vector.Sum(c33), ref a3, ref b3, kMain, k, accumulate);
    }

    // The lane sum of a tile's accumulator plus the last k − kMain products, written to C.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish<T>(Span<T> c, int index, T sum, ref T a, ref T b, int kMain, int k, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        for (int p = kMain; p < k; p++)
        {
            sum += Unsafe.Add(ref a, p) * Unsafe.Add(ref b, p);
        }

        Store(c, index, sum, accumulate);
    }

    /// <summary>Writes the transpose of the rows × cols matrix <paramref name="source"/> into <paramref name="destination"/>.</summary>
    public static void Transpose<T>(ReadOnlySpan<T> source, int rows, int cols, Span<T> destination) where T : unmanaged
    {
        if (source.Length < rows * cols || destination.Length < rows * cols)
        {
            throw new ArgumentException($"Transpose of a {rows} × {cols} matrix needs {rows * cols} elements.");
        }

        const int Tile = 16;
        for (int i0 = 0; i0 < rows; i0 += Tile)
        {
            for (int j0 = 0; j0 < cols; j0 += Tile)
            {
                int iEnd = Math.Min(i0 + Tile, rows), jEnd = Math.Min(j0 + Tile, cols);
                for (int i = i0; i < iEnd; i++)
                {
                    for (int j = j0; j < jEnd; j++)
                    {
                        destination[j * rows + i] = source[i * cols + j];
                    }
                }
            }
        }
    }

    private static void MultiplyBlock<T>(
        int m, int n, int k, ref T a, int aRow, int aCol, ref T b, int ldb, ref T c, int ldc, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        int panel = 2 * Vector<T>.Count;
        int nMain = n - n % panel;
        for (int j = 0; j < nMain; j += panel)
        {
            MultiplyPanel(m, k, ref a, aRow, aCol, ref Unsafe.Add(ref b, j), ldb, ref Unsafe.Add(ref c, j), ldc, accumulate);
        }

        if (nMain < n)
        {
            MultiplyLastPanel(m, n - nMain, k, ref a, aRow, aCol, ref Unsafe.Add(ref b, nMain), ldb, ref Unsafe.Add(ref c, nMain), ldc, accumulate);
        }
    }

    private static void MultiplyPanel<T>(
        int m, int k, ref T a, int aRow, int aCol, ref T b, int ldb, ref T c, int ldc, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        int i = 0;
        for (; i + 2 * RowBlock <= m; i += 2 * RowBlock)
        {
            Kernel8(k, ref Unsafe.Add(ref a, (nint)i * aRow), aRow, aCol, ref b, ldb, ref Unsafe.Add(ref c, (nint)i * ldc), ldc, accumulate);
        }

        for (; i + RowBlock <= m; i += RowBlock)
        {
            Kernel4(k, ref Unsafe.Add(ref a, (nint)i * aRow), aRow, aCol, ref b, ldb, ref Unsafe.Add(ref c, (nint)i * ldc), ldc, accumulate);
        }

        for (; i < m; i++)
        {
            Kernel1(k, ref Unsafe.Add(ref a, (nint)i * aRow), aCol, ref b, ldb, ref Unsafe.Add(ref c, (nint)i * ldc), accumulate);
        }
    }

    // The last columns (fewer than a panel) go through the same kernel on zero-padded copies of B and C.
    private static void MultiplyLastPanel<T>(
        int m, int width, int k, ref T a, int aRow, int aCol, ref T b, int ldb, ref T c, int ldc, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        int panel = 2 * Vector<T>.Count;
        Span<T> scratch = Scratch<T>.Get(k * panel + RowBlock * panel);
        Span<T> packed = scratch[..(k * panel)];
        Span<T> tile = scratch.Slice(k * panel, RowBlock * panel);
        packed.Clear();
        for (int p = 0; p < k; p++)
        {
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref b, (nint)p * ldb), width).CopyTo(packed.Slice(p * panel));
        }

        for (int i0 = 0; i0 < m; i0 += RowBlock)
        {
            int rows = Math.Min(RowBlock, m - i0);
            tile.Clear();
            if (accumulate)
            {
                for (int r = 0; r < rows; r++)
                {
                    MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref c, (nint)(i0 + r) * ldc), width).CopyTo(tile.Slice(r * panel));
                }
            }

            MultiplyPanel(rows, k, ref Unsafe.Add(ref a, (nint)i0 * aRow), aRow, aCol, ref MemoryMarshal.GetReference(packed), panel, ref MemoryMarshal.GetReference(tile), panel, accumulate: true);
            for (int r = 0; r < rows; r++)
            {
                tile.Slice(r * panel, width).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref c, (nint)(i0 + r) * ldc), width));
            }
        }
    }

    // 8 rows × 2 vectors: 16 accumulators, enough independent FMAs in flight to hide their latency (the
    // 4-row kernel leaves the FMA units waiting); 19 live vectors, which the 32 registers of AVX-512 and Arm64 hold.
    private static void Kernel8<T>(int k, ref T a, nint aRow, nint aCol, ref T b, nint ldb, ref T c, nint ldc, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        nuint w = (nuint)Vector<T>.Count;
        ref T c1 = ref Unsafe.Add(ref c, ldc);
        ref T c2 = ref Unsafe.Add(ref c1, ldc);
        ref T c3 = ref Unsafe.Add(ref c2, ldc);
        ref T c4 = ref Unsafe.Add(ref c3, ldc);
        ref T c5 = ref Unsafe.Add(ref c4, ldc);
        ref T c6 = ref Unsafe.Add(ref c5, ldc);
        ref T c7 = ref Unsafe.Add(ref c6, ldc);
        Vector<T> c00 = Vector<T>.Zero, c01 = Vector<T>.Zero, c10 = Vector<T>.Zero, c11 = Vector<T>.Zero;
        Vector<T> c20 = Vector<T>.Zero, c21 = Vector<T>.Zero, c30 = Vector<T>.Zero, c31 = Vector<T>.Zero;
        Vector<T> c40 = Vector<T>.Zero, c41 = Vector<T>.Zero, c50 = Vector<T>.Zero, c51 = Vector<T>.Zero;
        Vector<T> c60 = Vector<T>.Zero, c61 = Vector<T>.Zero, c70 = Vector<T>.Zero, c71 = Vector<T>.Zero;
        if (accumulate)
        {
            c00 = Vector.LoadUnsafe(ref c); c01 = Vector.LoadUnsafe(ref c, w);
            c10 = Vector.LoadUnsafe(ref c1); c11 = Vector.LoadUnsafe(ref c1, w);
            c20 = Vector.LoadUnsafe(ref c2); c21 = Vector.LoadUnsafe(ref c2, w);
            c30 = Vector.LoadUnsafe(ref c3); c31 = Vector.LoadUnsafe(ref c3, w);
            c40 = Vector.LoadUnsafe(ref c4); c41 = Vector.LoadUnsafe(ref c4, w);
            c50 = Vector.LoadUnsafe(ref c5); c51 = Vector.LoadUnsafe(ref c5, w);
            c60 = Vector.LoadUnsafe(ref c6); c61 = Vector.LoadUnsafe(ref c6, w);
            c70 = Vector.LoadUnsafe(ref c7); c71 = Vector.LoadUnsafe(ref c7, w);
        }

        for (int p = 0; p < k; p++)
        {
            Vector<T> b0 = Vector.LoadUnsafe(ref b), b1 = Vector.LoadUnsafe(ref b, w);
            var x = new Vector<T>(a);
            c00 = MultiplyAdd(x, b0, c00); c01 = MultiplyAdd(x, b1, c01);
            x = new Vector<T>(Unsafe.Add(ref a, aRow));
            c10 = MultiplyAdd(x, b0, c10); c11 = MultiplyAdd(x, b1, c11);
            x = new Vector<T>(Unsafe.Add(ref a, 2 * aRow));
            c20 = MultiplyAdd(x, b0, c20); c21 = MultiplyAdd(x, b1, c21);
            x = new Vector<T>(Unsafe.Add(ref a, 3 * aRow));
            c30 = MultiplyAdd(x, b0, c30); c31 = MultiplyAdd(x, b1, c31);
            x = new Vector<T>(Unsafe.Add(ref a, 4 * aRow));
            c40 = MultiplyAdd(x, b0, c40); c41 = MultiplyAdd(x, b1, c41);
            x = new Vector<T>(Unsafe.Add(ref a, 5 * aRow));
            c50 = MultiplyAdd(x, b0, c50); c51 = MultiplyAdd(x, b1, c51);
            x = new Vector<T>(Unsafe.Add(ref a, 6 * aRow));
            c60 = MultiplyAdd(x, b0, c60); c61 = MultiplyAdd(x, b1, c61);
            x = new Vector<T>(Unsafe.Add(ref a, 7 * aRow));
            c70 = MultiplyAdd(x, b0, c70); c71 = MultiplyAdd(x, b1, c71);
            a = ref Unsafe.Add(ref a, aCol);
            b = ref Unsafe.Add(ref b, ldb);
        }

        c00.StoreUnsafe(ref c); c01.StoreUnsafe(ref c, w);
        c10.StoreUnsafe(ref c1); c11.StoreUnsafe(ref c1, w);
        c20.StoreUnsafe(ref c2); c21.StoreUnsafe(ref c2, w);
        c30.StoreUnsafe(ref c3); c31.StoreUnsafe(ref c3, w);
        c40.StoreUnsafe(ref c4); c41.StoreUnsafe(ref c4, w);
        c50.StoreUnsafe(ref c5); c51.StoreUnsafe(ref c5, w);
        c60.StoreUnsafe(ref c6); c61.StoreUnsafe(ref c6, w);
        c70.StoreUnsafe(ref c7); c71.StoreUnsafe(ref c7, w);
    }

    private static void Kernel4<T>(int k, ref T a, nint aRow, nint aCol, ref T b, nint ldb, ref T c, nint ldc, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        nuint w = (nuint)Vector<T>.Count;
        ref T c1 = ref Unsafe.Add(ref c, ldc);
        ref T c2 = ref Unsafe.Add(ref c1, ldc);
        ref T c3 = ref Unsafe.Add(ref c2, ldc);
        Vector<T> c00 = Vector<T>.Zero, c01 = Vector<T>.Zero, c10 = Vector<T>.Zero, c11 = Vector<T>.Zero;
        Vector<T> c20 = Vector<T>.Zero, c21 = Vector<T>.Zero, c30 = Vector<T>.Zero, c31 = Vector<T>.Zero;
        if (accumulate)
        {
            c00 = Vector.LoadUnsafe(ref c); c01 = Vector.LoadUnsafe(ref c, w);
            c10 = Vector.LoadUnsafe(ref c1); c11 = Vector.LoadUnsafe(ref c1, w);
            c20 = Vector.LoadUnsafe(ref c2); c21 = Vector.LoadUnsafe(ref c2, w);
            c30 = Vector.LoadUnsafe(ref c3); c31 = Vector.LoadUnsafe(ref c3, w);
        }

        ref T a1 = ref Unsafe.Add(ref a, aRow);
        ref T a2 = ref Unsafe.Add(ref a1, aRow);
        ref T a3 = ref Unsafe.Add(ref a2, aRow);
        for (int p = 0; p < k; p++)
        {
            Vector<T> b0 = Vector.LoadUnsafe(ref b), b1 = Vector.LoadUnsafe(ref b, w);
            var x = new Vector<T>(a);
            c00 = MultiplyAdd(x, b0, c00); c01 = MultiplyAdd(x, b1, c01);
            x = new Vector<T>(a1);
            c10 = MultiplyAdd(x, b0, c10); c11 = MultiplyAdd(x, b1, c11);
            x = new Vector<T>(a2);
            c20 = MultiplyAdd(x, b0, c20); c21 = MultiplyAdd(x, b1, c21);
            x = new Vector<T>(a3);
            c30 = MultiplyAdd(x, b0, c30); c31 = MultiplyAdd(x, b1, c31);
            a = ref Unsafe.Add(ref a, aCol); a1 = ref Unsafe.Add(ref a1, aCol);
            a2 = ref Unsafe.Add(ref a2, aCol); a3 = ref Unsafe.Add(ref a3, aCol);
            b = ref Unsafe.Add(ref b, ldb);
        }

        c00.StoreUnsafe(ref c); c01.StoreUnsafe(ref c, w);
        c10.StoreUnsafe(ref c1); c11.StoreUnsafe(ref c1, w);
        c20.StoreUnsafe(ref c2); c21.StoreUnsafe(ref c2, w);
        c30.StoreUnsafe(ref c3); c31.StoreUnsafe(ref c3, w);
    }

    private static void Kernel1<T>(int k, ref T a, nint aCol, ref T b, nint ldb, ref T c, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        nuint w = (nuint)Vector<T>.Count;
        Vector<T> c0 = accumulate ? Vector.LoadUnsafe(ref c) : Vector<T>.Zero;
        Vector<T> c1 = accumulate ? Vector.LoadUnsafe(ref c, w) : Vector<T>.Zero;
        for (int p = 0; p < k; p++)
        {
            var x = new Vector<T>(a);
            c0 = MultiplyAdd(x, Vector.LoadUnsafe(ref b), c0);
            c1 = MultiplyAdd(x, Vector.LoadUnsafe(ref b, w), c1);
            a = ref Unsafe.Add(ref a, aCol);
            b = ref Unsafe.Add(ref b, ldb);
        }

        c0.StoreUnsafe(ref c);
        c1.StoreUnsafe(ref c, w);
    }

    private static void MultiplyScalar<T>(
        int m, int n, int k, ref T a, int aRow, int aCol, ref T b, int ldb, ref T c, int ldc, bool accumulate)
        where T : unmanaged, INumberBase<T>
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                T sum = accumulate ? Unsafe.Add(ref c, (nint)i * ldc + j) : T.Zero;
                for (int p = 0; p < k; p++)
                {
                    sum += Unsafe.Add(ref a, (nint)i * aRow + (nint)p * aCol) * Unsafe.Add(ref b, (nint)p * ldb + j);
                }

                Unsafe.Add(ref c, (nint)i * ldc + j) = sum;
            }
        }
    }

    // x·y + addend with one fused instruction where the hardware has it (float and double).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> MultiplyAdd<T>(Vector<T> x, Vector<T> y, Vector<T> addend)
        where T : unmanaged, INumberBase<T>
    {
        if (typeof(T) == typeof(float))
        {
            return Vector.MultiplyAddEstimate(x.As<T, float>(), y.As<T, float>(), addend.As<T, float>()).As<float, T>();
        }

        if (typeof(T) == typeof(double))
        {
            return Vector.MultiplyAddEstimate(x.As<T, double>(), y.As<T, double>(), addend.As<T, double>()).As<double, T>();
        }

        return x * y + addend;
    }

    private static void CheckSizes(int m, int n, int k, int aLength, int aRow, int aCol, int bLength, int ldb, int cLength, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (m == 0 || n == 0)
        {
            return;
        }

        long aNeeded = k == 0 ? 0 : (long)(m - 1) * aRow + (long)(k - 1) * aCol + 1;
        long bNeeded = k == 0 ? 0 : (long)(k - 1) * ldb + n;
        long cNeeded = (long)(m - 1) * ldc + n;
        if (aRow < 0 || aCol < 0 || ldb < n || ldc < n || aLength < aNeeded || bLength < bNeeded || cLength < cNeeded)
        {
            throw new ArgumentException(
                $"Matrix product {m} × {k} · {k} × {n}: buffers too small or bad strides " +
                $"(a {aLength}/{aNeeded}, b {bLength}/{bNeeded}, c {cLength}/{cNeeded}, ldb {ldb}, ldc {ldc}).");
        }
    }

    // One growable buffer per thread for packing the last panel; after warm-up nothing is allocated.
    private static class Scratch<T>
    {
        [ThreadStatic]
        private static T[]? _buffer;

        public static Span<T> Get(int length)
        {
            if (_buffer is null || _buffer.Length < length)
            {
                _buffer = new T[length];
            }

            return _buffer.AsSpan(0, length);
        }
    }
}
