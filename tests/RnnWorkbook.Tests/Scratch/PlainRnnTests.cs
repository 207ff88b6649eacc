using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

/// <summary>The plain-loop RNN of the chapters against hand-worked values, the fast layers and central differences.</summary>
public class PlainRnnTests
{
    private const int D = 3, H = 4, B = 2, T = 5;

    [Fact]
    public void Step_computes_the_recurrence_by_hand()
    {
        // D = 1, H = 2: a_j = x·W_xh[0, j] + Σ_k h_k W_hh[k, j] + b_j.
        var x = new NdArray<double>([2.0], 1, 1);
        var hPrev = new NdArray<double>([0.5, -1.0], 1, 2);
        var wxh = new NdArray<double>([0.1, -0.2], 1, 2);
        var whh = new NdArray<double>([1.0, 0.0, 0.5, 2.0], 2, 2);
        var b = new NdArray<double>([0.3, 0.0], 2);

        var h = PlainRnn.Step(x, hPrev, wxh, whh, b);

        // a_0 = 0.2 + (0.5 − 0.5) + 0.3 = 0.5;  a_1 = −0.4 + (0 − 2) + 0 = −2.4
        Assert.Equal(Math.Tanh(0.5), h[0, 0], 15);
        Assert.Equal(Math.Tanh(-2.4), h[0, 1], 15);
    }

    [Fact]
    public void Step_equals_RnnCell_and_Forward_equals_TimeRnn_from_a_given_state()
    {
        var random = new NormalRandom(31);
        var (wxh, whh, b) = Weights(random);
        var x = random.Randn<double>(1, B, D);
        var h0 = random.Randn<double>(0.5, B, H);
        var xs = random.Randn<double>(1, B, T, D);

        AssertClose(new RnnCell<double>(wxh, whh, b).Forward(x, h0), PlainRnn.Step(x, h0, wxh, whh, b));

        var rnn = new TimeRnn<double>(wxh, whh, b);
        rnn.SetState(h0);
        AssertClose(rnn.Forward(xs), PlainRnn.Forward(xs, h0, wxh, whh, b));
    }

    [Fact]
    public void Backward_equals_TimeRnn_gradients_and_the_initial_state_gradient()
    {
        var random = new NormalRandom(32);
        var (wxh, whh, b) = Weights(random);
        var xs = random.Randn<double>(1, B, T, D);
        var h0 = random.Randn<double>(0.5, B, H);
        var dhs = random.Randn<double>(1, B, T, H);
        var rnn = new TimeRnn<double>(wxh, whh, b);
        rnn.SetState(h0);
        var hs = rnn.Forward(xs);
        var dxs = rnn.Backward(dhs);

        var plain = PlainRnn.Backward(xs, h0, hs, dhs, wxh, whh);

        AssertClose(rnn.Parameters.Gradients()[0], plain.DWxh);
        AssertClose(rnn.Parameters.Gradients()[1], plain.DWhh);
        AssertClose(rnn.Parameters.Gradients()[2], plain.Db);
        AssertClose(dxs, plain.Dxs);
        AssertClose(rnn.StateGradient!, plain.Dh0);
    }

    [Fact]
    public void Backward_matches_central_differences_for_weights_inputs_and_every_hidden_state()
    {
        var random = new NormalRandom(33);
        var (wxh, whh, b) = Weights(random);
        var xs = random.Randn<double>(1, B, T, D);
        var h0 = random.Randn<double>(0.5, B, H);
        var r = random.Randn<double>(1, B, T, H);
        double Loss() => TestData.WeightedSum(PlainRnn.Forward(xs, h0, wxh, whh, b), r);

        var grads = PlainRnn.Backward(xs, h0, PlainRnn.Forward(xs, h0, wxh, whh, b), r, wxh, whh);

        TestData.AssertGradientsMatch(Loss, [wxh, whh, b, xs, h0], [grads.DWxh, grads.DWhh, grads.Db, grads.Dxs, grads.Dh0]);

        // Dhs[:, t] is ∂L/∂h_t: the gradient of the loss of the steps from t on, run from h_t as initial state.
        var hs = PlainRnn.Forward(xs, h0, wxh, whh, b);
        for (int t = 0; t < T - 1; t++)
        {
            var ht = At(hs, t);
            var rest = Steps(xs, t + 1);
            var rRest = Steps(r, t + 1);
            double Rest() => TestData.WeightedSum(PlainRnn.Forward(rest, ht, wxh, whh, b), rRest) + TestData.WeightedSum(ht, At(r, t));
            var numeric = GradientCheck.NumericGradient(Rest, ht);
            Assert.True(GradientCheck.RelativeError(numeric, At(grads.Dhs, t)) < 1e-8, $"step {t}");
        }

        AssertClose(At(r, T - 1), At(grads.Dhs, T - 1));
    }

    [Fact]
    public void Mismatched_shapes_are_clear_errors()
    {
        var random = new NormalRandom(34);
        var (wxh, whh, b) = Weights(random);

        var step = Assert.Throws<ArgumentException>(() => PlainRnn.Step(new NdArray<double>(B, D + 1), new NdArray<double>(B, H), wxh, whh, b));
        Assert.Contains("x (2, 4), h_prev (2, 4), W_xh (3, 4)", step.Message);
        var forward = Assert.Throws<ArgumentException>(() => PlainRnn.Forward(new NdArray<double>(B, D), new NdArray<double>(B, H), wxh, whh, b));
        Assert.Equal("xs", forward.ParamName);
        var backward = Assert.Throws<ArgumentException>(() => PlainRnn.Backward(
            new NdArray<double>(B, T, D), new NdArray<double>(B, H), new NdArray<double>(B, T, H), new NdArray<double>(B, T - 1, H), wxh, whh));
        Assert.Contains("dhs (2, 4, 4)", backward.Message);
    }

    private static (NdArray<double>, NdArray<double>, NdArray<double>) Weights(NormalRandom random) =>
        (random.Randn<double>(0.5, D, H), random.Randn<double>(0.5, H, H), random.Randn<double>(0.5, H));

    private static NdArray<double> At(NdArray<double> a, int t)
    {
        var step = new NdArray<double>(a.Dim(0), a.Dim(2));
        for (int n = 0; n < a.Dim(0); n++)
        {
            for (int j = 0; j < a.Dim(2); j++)
            {
                step[n, j] = a[n, t, j];
            }
        }

        return step;
    }

    private static NdArray<double> Steps(NdArray<double> a, int from)
    {
        var rest = new NdArray<double>(a.Dim(0), a.Dim(1) - from, a.Dim(2));
        for (int n = 0; n < a.Dim(0); n++)
        {
            for (int t = from; t < a.Dim(1); t++)
            {
                for (int j = 0; j < a.Dim(2); j++)
                {
                    rest[n, t - from, j] = a[n, t, j];
                }
            }
        }

        return rest;
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
