using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

public class NormalRandomTests
{
    [Fact]
    public void Numbers_are_standard_normal()
    {
        var random = new NormalRandom(7);
        double[] xs = [.. Enumerable.Range(0, 20000).Select(_ => random.Next())];

        double mean = xs.Average();
        double variance = xs.Select(x => (x - mean) * (x - mean)).Average();

        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(variance, 0.96, 1.04);
        Assert.InRange(xs.Count(x => Math.Abs(x) < 1) / 20000.0, 0.67, 0.70); // 68.3 % within one σ
    }

    [Fact]
    public void Same_seed_same_weights_in_float_and_double()
    {
        var f = new NormalRandom(9).Randn<float>(0.1, 3, 4);
        var d = new NormalRandom(9).Randn<double>(0.1, 3, 4);

        Assert.Equal(d.Data.Select(x => (float)x), f.Data);
        Assert.NotEqual(f.Data, new NormalRandom(10).Randn<float>(0.1, 3, 4).Data);
    }
}
