using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

/// <summary>The array API layers are written in: known answers, shapes in messages, no operand changed, the arena.</summary>
public class ArrayApiTests
{
    [Fact]
    public void MatMul_and_its_transposed_forms_equal_the_products_worked_by_loops()
    {
        var random = new NormalRandom(1);
        var a = random.Randn<double>(1, 6, 5);
        var b = random.Randn<double>(1, 5, 7);
        var bt = random.Randn<double>(1, 7, 5);
        var at = random.Randn<double>(1, 5, 6);

        AssertClose(Naive(a, b), a.MatMul(b));
        AssertClose(Naive(a, Transpose(bt)), a.MatMul(bt.T()));
        AssertClose(Naive(Transpose(at), b), at.T().MatMul(b));
    }

    [Fact]
    public void The_a_times_b_transposed_kernel_handles_edges_in_float()
    {
        var random = new NormalRandom(2);
        // 9 × 37 · (11 × 37)ᵀ: rows, columns and k all off the 4 × 4 tile and the SIMD width.
        var a = random.Randn<float>(1, 9, 37);
        var b = random.Randn<float>(1, 11, 37);
        var expected = Naive(ToDouble(a), Transpose(ToDouble(b)));

        var actual = a.MatMul(b.T());

        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected.Data[i], actual.Data[i], 1e-4);
        }
    }

    [Fact]
    public void A_bias_row_is_added_to_every_row_and_rank_three_products_keep_batch_and_time()
    {
        var x = new NdArray<double>([1, 2, 3, 4, 5, 6], 2, 3);
        var b = new NdArray<double>([10, 20, 30], 3);

        Assert.Equal([11.0, 22, 33, 14, 25, 36], (x + b).Data);
        Assert.Equal([-9.0, -18, -27, -6, -15, -24], (x - b).Data);
        Assert.Equal([0.0, -1, -2, -3, -4, -5], (1.0 - x).Data);
        Assert.Equal([2.0, 4, 6, 8, 10, 12], (2.0 * x).Data);

        var xs = new NormalRandom(3).Randn<double>(1, 2, 4, 3);
        var w = new NormalRandom(4).Randn<double>(1, 3, 5);
        var ys = xs.MatMul(w);
        Assert.Equal([2, 4, 5], ys.Shape);
        AssertClose(xs.Step(2).MatMul(w), ys.Step(2));
    }

    [Fact]
    public void Shape_errors_name_the_argument_the_expected_and_the_actual_shape()
    {
        var x = new NdArray<double>(32, 128);

        var product = Assert.Throws<ArgumentException>(() => x.MatMul(new NdArray<double>(64, 10)));
        var sum = Assert.Throws<ArgumentException>(() => x + new NdArray<double>(64));

        Assert.Equal("b", product.ParamName);
        Assert.StartsWith("b: expected (128, 10), got (64, 10)", product.Message);
        Assert.StartsWith("b: expected (32, 128) or (128), got (64)", sum.Message);
    }

    [Fact]
    public void Gate_blocks_slice_and_join_back_and_time_steps_read_and_write()
    {
        var a = new NdArray<double>([.. Enumerable.Range(0, 16).Select(i => (double)i)], 2, 8);
        var f = a.Cols(0, 2);
        var g = a.Cols(2, 4);
        var rest = a.Cols(4, 8);

        Assert.Equal([0.0, 1, 8, 9], f.Data);
        Assert.Equal(a.Data, Nd.ConcatCols(f, g, rest).Data);

        var xs = new NdArray<double>(2, 3, 2);
        xs.SetStep(1, new NdArray<double>([1, 2, 3, 4], 2, 2));
        Assert.Equal([0.0, 0, 1, 2, 0, 0, 0, 0, 3, 4, 0, 0], xs.Data);
        Assert.Equal([1.0, 2, 3, 4], xs.Step(1).Data);
    }

    [Fact]
    public void Activations_and_their_backward_forms_are_the_functions_in_float_and_double()
    {
        var x = new NdArray<float>([.. Enumerable.Range(-400, 801).Select(i => i / 40f)], 801);
        var t = x.Tanh();
        var s = x.Sigmoid();
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(Math.Tanh(x.Data[i]), t.Data[i], 1e-6);
            Assert.Equal(1 / (1 + Math.Exp(-x.Data[i])), s.Data[i], 1e-6);
        }

        var y = new NdArray<double>([0.1, -0.5, 0.9], 3);
        var dy = new NdArray<double>([1, 2, 3], 3);
        Assert.Equal((dy * (1.0 - y * y)).Data, y.TanhBackward(dy).Data);
        Assert.Equal((dy * y * (1.0 - y)).Data, y.SigmoidBackward(dy).Data);
        Assert.Equal([0.1 - 0.5, 0.9 + 0.9], new NdArray<double>([0.1, 0.9, -0.5, 0.9], 2, 2).Sum(axis: 0).Data);
    }

    [Fact]
    public void Operations_never_change_their_operands_and_arithmetic_on_ids_is_refused()
    {
        var a = new NdArray<double>([1, 2], 2);
        var before = a.Clone();

        _ = a + a;
        _ = a.Tanh();
        _ = a * 3.0;

        Assert.Equal(before.Data, a.Data);
        var ids = new NdArray<int>([1, 2], 2);
        Assert.Throws<NotSupportedException>(() => ids + ids);
    }

    [Fact]
    public void An_arena_hands_the_same_buffers_out_again_after_reset_and_nothing_without_one_is_shared()
    {
        var arena = new ArrayArena();
        var x = new NdArray<float>(4, 8);
        NdArray<float> first, second;
        using (arena.Enter())
        {
            first = (x + x).Tanh();
        }

        int buffers = arena.BufferCount;
        arena.Reset();
        using (arena.Enter())
        {
            second = (x + x).Tanh();
        }

        Assert.Equal(buffers, arena.BufferCount);
        Assert.Same(first.Data, second.Data);
        Assert.Null(ArrayArena.Current);
        Assert.NotSame((x + x).Data, (x + x).Data);
    }

    private static NdArray<double> Naive(NdArray<double> a, NdArray<double> b)
    {
        var c = new NdArray<double>(a.Dim(0), b.Dim(1));
        for (int i = 0; i < a.Dim(0); i++)
        {
            for (int j = 0; j < b.Dim(1); j++)
            {
                for (int p = 0; p < a.Dim(1); p++)
                {
                    c[i, j] += a[i, p] * b[p, j];
                }
            }
        }

        return c;
    }

    private static NdArray<double> Transpose(NdArray<double> a)
    {
        var t = new NdArray<double>(a.Dim(1), a.Dim(0));
        for (int i = 0; i < a.Dim(0); i++)
        {
            for (int j = 0; j < a.Dim(1); j++)
            {
                t[j, i] = a[i, j];
            }
        }

        return t;
    }

    private static NdArray<double> ToDouble(NdArray<float> a) => new([.. a.Data.Select(v => (double)v)], [.. a.Shape]);

    private static void AssertClose(NdArray<double> expected, NdArray<double> actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected.Data[i], actual.Data[i], 1e-12);
        }
    }
}
