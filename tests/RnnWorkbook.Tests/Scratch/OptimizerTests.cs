using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

public class OptimizerTests
{
    [Fact]
    public void Sgd_steps_against_the_gradient()
    {
        var p = new NdArray<double>([1, 2], 2);
        var g = new NdArray<double>([0.5, -1], 2);

        new Sgd<double>(0.1).Update([p], [g]);

        Assert.Equal([0.95, 2.1], p.Data);
    }

    [Fact]
    public void Adam_follows_the_papers_bias_corrected_update()
    {
        // Hand-worked: α = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8; gradients 2 then −1 (19 elements: SIMD and tail).
        var p = new NdArray<double>(19);
        var g = new NdArray<double>(19);
        var adam = new Adam<double>(0.1);
        g.Fill(2);
        adam.Update([p], [g]);
        // t = 1: m = 0.2, v = 0.004, m̂ = 2, v̂ = 4 → θ = −0.1 · 2 / (2 + 1e-8).
        double theta1 = -0.1 * 2 / (2 + 1e-8);
        Assert.All(p.Data, x => Assert.Equal(theta1, x, 1e-15));

        g.Fill(-1);
        adam.Update([p], [g]);
        // t = 2: m = 0.9·0.2 − 0.1 = 0.08, v = 0.999·0.004 + 0.001 = 0.004996; m̂ = 0.08/0.19, v̂ = 0.004996/0.001999.
        double mHat = 0.08 / (1 - 0.81), vHat = 0.004996 / (1 - 0.998001);
        double theta2 = theta1 - 0.1 * mHat / (Math.Sqrt(vHat) + 1e-8);
        Assert.All(p.Data, x => Assert.Equal(theta2, x, 1e-12));
        Assert.Equal(2, adam.Steps);
    }

    [Fact]
    public void Optimizer_rejects_gradients_of_another_shape()
    {
        var error = Assert.Throws<ArgumentException>(() => new Sgd<float>().Update([new NdArray<float>(2, 3)], [new NdArray<float>(3, 2)]));

        Assert.Contains("grads[0]: expected (2, 3), got (3, 2)", error.Message);
    }

    [Fact]
    public void Clipping_scales_all_gradients_to_the_threshold_and_returns_the_norm_before()
    {
        var a = new NdArray<double>([3, 0], 2);
        var b = new NdArray<double>([4], 1);

        double norm = GradientClipping.ClipByGlobalNorm([a, b], maxNorm: 1);

        Assert.Equal(5, norm, 1e-12);
        double rate = 1 / (5 + 1e-6);
        Assert.Equal([3 * rate, 0], a.Data);
        Assert.Equal([4 * rate], b.Data);
    }

    [Fact]
    public void Clipping_leaves_small_gradients_alone()
    {
        var a = new NdArray<float>([0.3f, 0.4f], 2);

        double norm = GradientClipping.ClipByGlobalNorm([a], maxNorm: 1);

        Assert.Equal(0.5, norm, 1e-6);
        Assert.Equal([0.3f, 0.4f], a.Data);
    }
}
