using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

/// <summary>The matrix kernel against a plain triple loop, on sizes that hit every edge path.</summary>
public class GemmTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(4, 16, 3)]
    [InlineData(5, 17, 9)]
    [InlineData(32, 128, 128)]
    [InlineData(7, 100, 300)] // k > 256: two k blocks; n = 100: a padded last panel
    [InlineData(3, 5, 0)]
    public void Product_matches_the_triple_loop_for_plain_and_transposed_A(int m, int n, int k)
    {
        var random = new NormalRandom(m * 1000 + n * 10 + k);
        var a = random.Randn<double>(1, m, k);
        var aT = new NdArray<double>(k, m);
        Gemm.Transpose<double>(a.Data, m, k, aT.Data);
        var b = random.Randn<double>(1, k, n);
        var start = random.Randn<double>(1, m, n);
        var expected = Reference(a, b, m, n, k);

        var c = new NdArray<double>(m, n);
        Gemm.Multiply<double>(m, n, k, a.Data, k, 1, b.Data, n, c.Data, n, accumulate: false);
        var cT = new NdArray<double>(m, n);
        Gemm.Multiply<double>(m, n, k, aT.Data, 1, m, b.Data, n, cT.Data, n, accumulate: false);
        var sum = start.Clone();
        Gemm.Multiply<double>(m, n, k, a.Data, k, 1, b.Data, n, sum.Data, n, accumulate: true);

        for (int i = 0; i < m * n; i++)
        {
            Assert.Equal(expected[i], c.Data[i], 1e-12);
            Assert.Equal(expected[i], cT.Data[i], 1e-12);
            Assert.Equal(expected[i] + start.Data[i], sum.Data[i], 1e-12);
        }
    }

    [Fact]
    public void Float_product_with_leading_dimensions_writes_only_its_rows()
    {
        // C is column block 1 of a (3, 2, 20) array: rows 2·20 apart, as a TimeRnn step is written.
        var random = new NormalRandom(3);
        var a = random.Randn<float>(1, 3, 20);
        var b = random.Randn<float>(1, 20, 20);
        var c = new NdArray<float>(3, 2, 20);
        c.Fill(7f);

        Gemm.Multiply<float>(3, 20, 20, a.Data, 20, 1, b.Data, 20, c.Data.AsSpan(20), 40, accumulate: false);

        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 20; j++)
            {
                double expected = 0;
                for (int p = 0; p < 20; p++)
                {
                    expected += a[i, p] * b[p, j];
                }

                Assert.Equal(expected, c[i, 1, j], 1e-4);
                Assert.Equal(7f, c[i, 0, j]);
            }
        }
    }

    [Fact]
    public void Too_small_buffers_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Gemm.Multiply<float>(2, 2, 2, new float[3], 2, 1, new float[4], 2, new float[4], 2, accumulate: false));

        Assert.Contains("2 × 2 · 2 × 2", error.Message);
    }

    private static double[] Reference(NdArray<double> a, NdArray<double> b, int m, int n, int k)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int p = 0; p < k; p++)
                {
                    c[i * n + j] += a.Data[i * k + p] * b.Data[p * n + j];
                }
            }
        }

        return c;
    }
}
