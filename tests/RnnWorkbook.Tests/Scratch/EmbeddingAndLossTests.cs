using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

public class EmbeddingAndLossTests
{
    [Fact]
    public void Embedding_gradient_adds_up_rows_of_repeated_ids()
    {
        var embed = new TimeEmbedding<float>(new NdArray<float>(4, 2));
        embed.Forward(new NdArray<int>([2, 0, 2, 2], 1, 4));

        embed.Backward(new NdArray<float>([1, 10, 2, 20, 3, 30, 4, 40], 1, 4, 2));

        Assert.Equal([2f, 20f, 0, 0, 8f, 80f, 0, 0], embed.Parameters.Gradients()[0].Data);
    }

    [Fact]
    public void Embedding_lookup_returns_the_rows_of_the_ids()
    {
        var embed = new TimeEmbedding<float>(new NdArray<float>([0, 1, 10, 11, 20, 21], 3, 2));

        var xs = embed.Forward(new NdArray<int>([2, 0, 1, 2], 2, 2));

        Assert.Equal([20f, 21f, 0f, 1f, 10f, 11f, 20f, 21f], xs.Data);
    }

    [Fact]
    public void Out_of_range_token_id_names_id_position_and_vocabulary_size()
    {
        var embed = new TimeEmbedding<float>(new NdArray<float>(10, 2));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => embed.Forward(new NdArray<int>([1, 2, 3, 4, 12, 5], 2, 3)));

        Assert.Equal("ids", error.ParamName);
        Assert.Contains("Token id 12 at position (1, 1) is outside the vocabulary of size 10", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding<float>(new NdArray<float>(10, 2)).Forward(new NdArray<int>([-1], 1)));
    }

    [Fact]
    public void Uniform_scores_cost_log_V_per_position()
    {
        var loss = new TimeSoftmaxWithLoss<double>();

        double value = loss.Forward(new NdArray<double>(2, 3, 5), new NdArray<int>([0, 1, 2, 3, 4, 0], 2, 3));

        Assert.Equal(Math.Log(5), value, 1e-12);
    }

    [Fact]
    public void Loss_is_averaged_over_positions_that_are_not_ignored()
    {
        // Row scores [ln 1, ln 3]: p = (1/4, 3/4). Targets 1, ignored, 0 → (−ln 3/4 − ln 1/4) / 2.
        var ys = new NdArray<double>([0, Math.Log(3), 5, 7, 0, Math.Log(3)], 1, 3, 2);
        var loss = new TimeSoftmaxWithLoss<double>(ignoreIndex: -100);

        double value = loss.Forward(ys, new NdArray<int>([1, -100, 0], 1, 3));
        var dys = loss.Backward(1.0);

        Assert.Equal((-Math.Log(0.75) - Math.Log(0.25)) / 2, value, 1e-12);
        Assert.Equal([0.25 / 2, (0.75 - 1) / 2, 0, 0, (0.25 - 1) / 2, 0.75 / 2], dys.Data, new ToleranceComparer(1e-12));
    }

    [Fact]
    public void All_ignored_gives_zero_loss_and_zero_gradient()
    {
        var loss = new TimeSoftmaxWithLoss<float>();

        float value = loss.Forward(new NdArray<float>([1, 2, 3, 4], 1, 2, 2), new NdArray<int>([-1, -1], 1, 2));

        Assert.Equal(0f, value);
        Assert.All(loss.Backward(1f).Data, g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Huge_scores_do_not_overflow()
    {
        var loss = new TimeSoftmaxWithLoss<float>();

        float value = loss.Forward(new NdArray<float>([1000f, 0f], 1, 1, 2), new NdArray<int>([1], 1, 1));

        Assert.Equal(1000f, value, 1e-3f);
    }

    [Fact]
    public void Out_of_range_target_names_id_and_position()
    {
        var loss = new TimeSoftmaxWithLoss<float>();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => loss.Forward(new NdArray<float>(1, 2, 3), new NdArray<int>([0, 3], 1, 2)));

        Assert.Contains("Target id 3 at position (0, 1) is outside the vocabulary of size 3", error.Message);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
