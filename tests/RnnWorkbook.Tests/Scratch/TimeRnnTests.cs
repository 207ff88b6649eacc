using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

public class TimeRnnTests
{
    private const int D = 3, H = 5, B = 2;

    [Fact]
    public void TimeRnn_is_the_cell_applied_at_every_step_forward_and_backward()
    {
        var random = new NormalRandom(21);
        var (wxh, whh, b) = (random.Randn<double>(0.5, D, H), random.Randn<double>(0.5, H, H), random.Randn<double>(0.5, H));
        var rnn = new TimeRnn<double>(wxh, whh, b);
        var xs = random.Randn<double>(1, B, 4, D);
        var dhs = random.Randn<double>(1, B, 4, H);

        var hs = rnn.Forward(xs);
        var dxs = rnn.Backward(dhs);

        // The same with T cells on shared parameters, chained as "Deep Learning from Scratch 2" writes it:
        // no Clone() anywhere, and the gradients of the shared weights add up over the steps by themselves.
        var parameters = new[] { new Parameter<double>("W_xh", wxh), new Parameter<double>("W_hh", whh), new Parameter<double>("b", b) };
        var cells = Enumerable.Range(0, 4).Select(_ => new RnnCell<double>(parameters[0], parameters[1], parameters[2])).ToArray();
        var h = new NdArray<double>(B, H);
        var hByStep = new NdArray<double>[4];
        for (int t = 0; t < 4; t++)
        {
            h = cells[t].Forward(xs.Step(t), h);
            hByStep[t] = h;
        }

        var dh = new NdArray<double>(B, H);
        var dxByStep = new NdArray<double>[4];
        for (int t = 3; t >= 0; t--)
        {
            (dxByStep[t], dh) = cells[t].Backward(dhs.Step(t) + dh);
        }

        for (int t = 0; t < 4; t++)
        {
            AssertClose(hByStep[t], hs.Step(t));
            AssertClose(dxByStep[t], dxs.Step(t));
        }

        for (int g = 0; g < parameters.Length; g++)
        {
            AssertClose(parameters[g].Gradient, rnn.Parameters[g].Gradient);
        }

        AssertClose(dh, rnn.StateGradient!);
    }

    [Fact]
    public void A_second_training_step_replaces_the_gradient_instead_of_adding_to_it()
    {
        var random = new NormalRandom(24);
        var rnn = new TimeRnn<double>(random.Randn<double>(0.5, D, H), random.Randn<double>(0.5, H, H), random.Randn<double>(0.5, H), stateful: false);
        var xs = random.Randn<double>(1, B, 3, D);
        var dhs = random.Randn<double>(1, B, 3, H);
        rnn.Forward(xs);
        rnn.Backward(dhs);
        var first = rnn.Parameters.Gradients().Select(g => g.Clone()).ToArray();

        rnn.Forward(xs);
        rnn.Backward(dhs);

        for (int g = 0; g < first.Length; g++)
        {
            AssertClose(first[g], rnn.Parameters[g].Gradient);
        }
    }

    [Fact]
    public void Backward_without_forward_fails_naming_the_layer()
    {
        var random = new NormalRandom(25);
        var cell = new RnnCell<double>(random.Randn<double>(0.5, D, H), random.Randn<double>(0.5, H, H), random.Randn<double>(0.5, H));
        var rnn = new TimeRnn<double>(random.Randn<double>(0.5, D, H), random.Randn<double>(0.5, H, H), random.Randn<double>(0.5, H));

        Assert.Contains("RnnCell: call Forward before Backward", Assert.Throws<InvalidOperationException>(() => cell.Backward(new NdArray<double>(B, H))).Message);
        Assert.Contains("TimeRnn: call Forward before Backward", Assert.Throws<InvalidOperationException>(() => rnn.Backward(new NdArray<double>(B, 3, H))).Message);
    }

    [Fact]
    public void Stateful_blocks_continue_where_the_previous_block_ended()
    {
        var random = new NormalRandom(22);
        var (wxh, whh, b) = (random.Randn<double>(0.5, D, H), random.Randn<double>(0.5, H, H), random.Randn<double>(0.5, H));
        var xs = random.Randn<double>(1, B, 6, D);
        var whole = new TimeRnn<double>(wxh, whh, b).Forward(xs).Clone();

        var rnn = new TimeRnn<double>(wxh, whh, b, stateful: true);
        var first = rnn.Forward(Slice(xs, 0, 3)).Clone();
        var second = rnn.Forward(Slice(xs, 3, 3)).Clone();

        AssertClose(Slice(whole, 0, 3), first);
        AssertClose(Slice(whole, 3, 3), second);
    }

    [Fact]
    public void Reset_or_stateless_runs_start_from_zero_state()
    {
        var random = new NormalRandom(23);
        var (wxh, whh, b) = (random.Randn<double>(0.5, D, H), random.Randn<double>(0.5, H, H), random.Randn<double>(0.5, H));
        var xs = random.Randn<double>(1, B, 3, D);
        var stateful = new TimeRnn<double>(wxh, whh, b, stateful: true);
        var stateless = new TimeRnn<double>(wxh, whh, b, stateful: false);
        var fresh = stateful.Forward(xs).Clone();

        var carried = stateful.Forward(xs).Clone();
        stateful.ResetState();
        var afterReset = stateful.Forward(xs).Clone();
        stateless.Forward(xs);
        var statelessAgain = stateless.Forward(xs).Clone();

        Assert.NotEqual(fresh.Data, carried.Data);
        Assert.Equal(fresh.Data, afterReset.Data);
        Assert.Equal(fresh.Data, statelessAgain.Data);
    }

    [Fact]
    public void SetState_starts_from_the_given_state_and_HiddenState_is_the_last_step()
    {
        var random = new NormalRandom(24);
        var (wxh, whh, b) = (random.Randn<double>(0.5, D, H), random.Randn<double>(0.5, H, H), random.Randn<double>(0.5, H));
        var rnn = new TimeRnn<double>(wxh, whh, b);
        var cell = new RnnCell<double>(wxh, whh, b);
        var x = random.Randn<double>(1, B, 1, D);
        var h0 = random.Randn<double>(1, B, H);

        rnn.SetState(h0);
        var hs = rnn.Forward(x);

        AssertClose(cell.Forward(x.Reshape(B, D), h0), hs.Reshape(B, H));
        AssertClose(hs.Reshape(B, H), rnn.HiddenState!);
        rnn.ResetState();
        Assert.Null(rnn.HiddenState);
    }

    [Fact]
    public void Carried_state_of_another_batch_size_is_a_clear_error()
    {
        var rnn = new TimeRnn<float>(new NdArray<float>(D, H), new NdArray<float>(H, H), new NdArray<float>(H));
        rnn.Forward(new NdArray<float>(4, 2, D));

        var error = Assert.Throws<ArgumentException>(() => rnn.Forward(new NdArray<float>(3, 2, D)));

        Assert.Equal("xs", error.ParamName);
        Assert.StartsWith("xs: batch size 3 does not match the carried hidden state (4, 5); call ResetState() first.", error.Message);
    }

    [Fact]
    public void Float_and_double_layers_agree_to_float_precision()
    {
        var random = new NormalRandom(25);
        var wxh = random.Randn<double>(0.3, 16, 24);
        var whh = random.Randn<double>(0.3, 24, 24);
        var b = random.Randn<double>(0.3, 24);
        var xs = random.Randn<double>(1, 3, 7, 16);
        var d = new TimeRnn<double>(wxh, whh, b).Forward(xs);
        var f = new TimeRnn<float>(ToFloat(wxh), ToFloat(whh), ToFloat(b)).Forward(ToFloat(xs));

        for (int i = 0; i < d.Length; i++)
        {
            Assert.Equal(d.Data[i], f.Data[i], 1e-5);
        }
    }

    private static NdArray<float> ToFloat(NdArray<double> a) => new([.. a.Data.Select(v => (float)v)], [.. a.Shape]);

    private static NdArray<double> Step(NdArray<double> xs, int t) => Slice(xs, t, 1).Reshape(xs.Dim(0), xs.Dim(2));

    private static NdArray<double> Slice(NdArray<double> xs, int start, int length)
    {
        int batch = xs.Dim(0), time = xs.Dim(1), f = xs.Dim(2);
        var slice = new NdArray<double>(batch, length, f);
        for (int b = 0; b < batch; b++)
        {
            xs.Data.AsSpan((b * time + start) * f, length * f).CopyTo(slice.Data.AsSpan(b * length * f));
        }

        return slice;
    }

    private static void AssertClose(NdArray<double> expected, NdArray<double> actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected.Data[i], actual.Data[i], 1e-12);
        }
    }
}
