using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

public class NdArrayTests
{
    [Fact]
    public void Elements_are_laid_out_row_major()
    {
        var a = new NdArray<float>([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 2, 3, 2);

        Assert.Equal(7f, a[1, 0, 1]);
        Assert.Equal(5f, a[0, 2, 1]);
        Assert.Equal("(2, 3, 2)", a.ShapeText);
        Assert.Equal([2, 3, 2], a.Shape);
    }

    [Fact]
    public void Wrapping_data_of_the_wrong_length_names_the_shape_and_length()
    {
        var error = Assert.Throws<ArgumentException>(() => new NdArray<float>(new float[5], 2, 3));

        Assert.Equal("data", error.ParamName);
        Assert.Contains("(2, 3) needs 6 elements, got 5", error.Message);
    }

    [Fact]
    public void Index_outside_an_axis_is_rejected_even_when_the_flat_index_exists()
    {
        var a = new NdArray<float>(2, 3);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => a[0, 3]);

        Assert.Equal("j", error.ParamName);
    }

    [Fact]
    public void ToString_shows_shape_and_values_with_long_axes_elided()
    {
        var a = new NdArray<int>([.. Enumerable.Range(0, 8)], 8);
        var b = new NdArray<double>([1, 2, 3, 4], 2, 2);

        Assert.Equal("(8) [0, 1, 2, ..., 5, 6, 7]", a.ToString());
        Assert.Equal("(2, 2) [[1, 2], [3, 4]]", b.ToString());
    }

    [Fact]
    public void Layer_shape_mismatch_names_argument_expected_and_actual_shapes()
    {
        var rnn = new TimeRnn<float>(new NdArray<float>(128, 16), new NdArray<float>(16, 16), new NdArray<float>(16));

        var error = Assert.Throws<ArgumentException>(() => rnn.Forward(new NdArray<float>(32, 35, 64)));

        Assert.Equal("xs", error.ParamName);
        Assert.StartsWith("xs: expected (32, 35, 128), got (32, 35, 64)", error.Message);
    }

    [Fact]
    public void Clone_has_its_own_buffer()
    {
        var a = new NdArray<float>([1, 2], 2);
        var copy = a.Clone();

        a[0] = 9;

        Assert.Equal(1f, copy[0]);
    }
}
