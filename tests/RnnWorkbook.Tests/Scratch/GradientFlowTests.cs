using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

public class GradientFlowTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void ScaledOrthogonal_has_W_transpose_W_equal_to_rho_squared_times_identity(double rho)
    {
        const int N = 12;
        var w = GradientFlow.ScaledOrthogonal<double>(N, rho, seed: 3);

        for (int i = 0; i < N; i++)
        {
            for (int j = 0; j < N; j++)
            {
                double dot = 0;
                for (int k = 0; k < N; k++)
                {
                    dot += w[k, i] * w[k, j];
                }

                Assert.Equal(i == j ? rho * rho : 0.0, dot, 1e-12);
            }
        }
    }

    [Fact]
    public void Without_the_tanh_factor_the_state_gradient_shrinks_by_exactly_rho_per_step()
    {
        // With h_t = 0 everywhere (no input, no bias, h_0 = 0), tanh'(0) = 1 and only W_hh acts.
        const int H = 8, T = 6;
        var whh = GradientFlow.ScaledOrthogonal<double>(H, 0.5, seed: 4);
        var xs = new NdArray<double>(1, T, 2);
        var h0 = new NdArray<double>(1, H);
        var hs = PlainRnn.Forward(xs, h0, new NdArray<double>(2, H), whh, new NdArray<double>(H));
        var dhs = new NdArray<double>(1, T, H);
        var unit = new NormalRandom(5).Randn<double>(1, H);
        double scale = 1 / Math.Sqrt(unit.Data.Sum(v => v * v));
        for (int j = 0; j < H; j++)
        {
            dhs[0, T - 1, j] = unit[j] * scale;
        }

        var norms = GradientFlow.NormPerStep(PlainRnn.Backward(xs, h0, hs, dhs, new NdArray<double>(2, H), whh).Dhs);

        for (int t = 0; t < T; t++)
        {
            Assert.Equal(Math.Pow(0.5, T - 1 - t), norms[t], 12);
        }
    }

    [Fact]
    public void NormPerStep_is_the_norm_over_batch_and_features_of_each_step()
    {
        // (B, T, H) = (2, 2, 2): step 0 holds 3, 4 and 0, 0; step 1 holds 1, 2 and 2, 4.
        var a = new NdArray<float>([3, 4, 1, 2, 0, 0, 2, 4], 2, 2, 2);

        Assert.Equal([5.0, 5.0], GradientFlow.NormPerStep(a));
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        Assert.Throws<ArgumentOutOfRangeException>("size", () => GradientFlow.ScaledOrthogonal<double>(0, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>("spectralRadius", () => GradientFlow.ScaledOrthogonal<double>(3, -1.0));
        Assert.Throws<ArgumentException>("a", () => GradientFlow.NormPerStep(new NdArray<double>(2, 3)));
    }
}
