using RnnWorkbook.Embeddings;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Embeddings;

/// <summary>The NumPy row operations of the word2vec layers, on answers worked by hand.</summary>
public class RowsTests
{
    private static readonly NdArray<double> A = new([1, 2, 3, 4, 5, 6], 3, 2);   // rows (1, 2), (3, 4), (5, 6)

    [Fact]
    public void Sums_and_scale_work_row_by_row()
    {
        Assert.Equal([3.0, 7, 11], Rows.Sums(A).Data);
        Assert.Equal([2.0, 4, 0, 0, -5, -6], Rows.Scale(new NdArray<double>([2, 0, -1], 3), A).Data);
        Assert.Throws<ArgumentException>(() => Rows.Scale(new NdArray<double>([2, 0], 2), A));
    }

    [Fact]
    public void Repeat_and_sum_groups_are_each_others_backward()
    {
        var repeated = Rows.Repeat(A, 2);
        Assert.Equal([6, 2], repeated.Shape);
        Assert.Equal([1.0, 2, 1, 2, 3, 4, 3, 4, 5, 6, 5, 6], repeated.Data);
        Assert.Equal([2.0, 4, 6, 8, 10, 12], Rows.SumGroups(repeated, 2).Data);
        Assert.Equal([4.0, 6, 5, 6], Rows.SumGroups(new NdArray<double>([1, 2, 3, 4, 5, 6, 0, 0], 4, 2), 2).Data);
        Assert.Contains("multiple of 2 rows", Assert.Throws<ArgumentException>(() => Rows.SumGroups(A, 2)).Message);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], A.Data);                                  // operands unchanged
    }

    [Fact]
    public void Flatten_reads_contexts_row_by_row()
    {
        Assert.Equal([0, 2, 1, 3, 2, 4], ContextWindows.Flatten(new[,] { { 0, 2 }, { 1, 3 }, { 2, 4 } }).Data);
    }
}
