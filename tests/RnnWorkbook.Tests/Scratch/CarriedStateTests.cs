using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

public sealed class CarriedStateTests
{
    [Fact]
    public void Starts_from_zeros_until_a_state_is_kept_then_from_a_copy_of_it()
    {
        var state = new CarriedState<double>(hiddenSize: 2, hasCell: true);
        Assert.Equal(new double[4], state.StartHidden(2, carry: true).Data);
        Assert.Null(state.Hidden);

        var h = new NdArray<double>([1.0, 2, 3, 4], 2, 2);
        var c = new NdArray<double>([5.0, 6, 7, 8], 2, 2);
        state.Keep(h, c);
        h.Data[0] = 99; // kept by value

        var start = state.StartHidden(2, carry: true);
        Assert.Equal([1.0, 2, 3, 4], start.Data);
        Assert.Equal([5.0, 6, 7, 8], state.StartCell(2, carry: true).Data);
        start.Data[1] = -1; // a copy: the carried state stays
        Assert.Equal([1.0, 2, 3, 4], state.Hidden!.Data);
        Assert.Equal(new double[4], state.StartHidden(2, carry: false).Data);

        state.Reset();
        Assert.Null(state.Hidden);
        Assert.Null(state.Cell);
        Assert.Equal(new double[4], state.StartCell(2, carry: true).Data);
    }

    [Fact]
    public void Bad_input_names_the_argument()
    {
        var lstm = new CarriedState<double>(hiddenSize: 2, hasCell: true);
        lstm.Keep(new NdArray<double>(3, 2), new NdArray<double>(3, 2));
        var batch = Assert.Throws<ArgumentException>(() => lstm.StartHidden(2, carry: true));
        Assert.Equal("xs", batch.ParamName);
        Assert.Contains("batch size 2 does not match the carried hidden state (3, 2)", batch.Message);
        Assert.Equal("c", Assert.Throws<ArgumentException>(() => lstm.Set(new NdArray<double>(3, 2), new NdArray<double>(2, 2))).ParamName);
        Assert.Equal("c", Assert.Throws<ArgumentNullException>(() => lstm.Set(new NdArray<double>(3, 2))).ParamName);

        var gru = new CarriedState<double>(hiddenSize: 2, hasCell: false);
        Assert.Equal("c", Assert.Throws<ArgumentException>(() => gru.Set(new NdArray<double>(1, 2), new NdArray<double>(1, 2))).ParamName);
        Assert.Equal("h", Assert.Throws<ArgumentException>(() => gru.Set(new NdArray<double>(1, 3))).ParamName);
        Assert.Throws<InvalidOperationException>(() => gru.StartCell(1, carry: false));
    }
}
