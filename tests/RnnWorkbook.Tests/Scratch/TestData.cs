using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

/// <summary>Small random arrays and the weighted-sum probe loss used by the gradient checks.</summary>
internal static class TestData
{
    public static NdArray<double> Randn(NormalRandom random, double scale, params int[] shape) =>
        random.Randn<double>(scale, shape);

    public static NdArray<int> Ids(int seed, int vocab, params int[] shape)
    {
        var random = new Random(seed);
        var ids = new NdArray<int>(shape);
        for (int i = 0; i < ids.Length; i++)
        {
            ids.Data[i] = random.Next(vocab);
        }

        return ids;
    }

    /// <summary>L = Σ y ⊙ r, so ∂L/∂y = r: turns any layer output into a scalar loss with a known gradient.</summary>
    public static double WeightedSum(NdArray<double> y, NdArray<double> r)
    {
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            sum += y.Data[i] * r.Data[i];
        }

        return sum;
    }

    public static void AssertGradientsMatch(
        Func<double> loss, IReadOnlyList<NdArray<double>> arrays, IReadOnlyList<NdArray<double>> grads, double tolerance = 1e-6)
    {
        var results = GradientCheck.Check(loss, arrays, grads);
        foreach (var result in results)
        {
            Assert.True(result.RelativeError <= tolerance, $"array {result.Index} {result.Shape}: relative error {result.RelativeError:E2}");
            Assert.True(result.MaxAbsoluteError <= 1e-7, $"array {result.Index} {result.Shape}: max abs error {result.MaxAbsoluteError:E2}");
        }
    }
}
