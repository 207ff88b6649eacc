using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

public class BatcherTests
{
    [Fact]
    public void Tbptt_streams_start_at_evenly_spaced_offsets_and_targets_are_shifted_by_one()
    {
        int[] corpus = [.. Enumerable.Range(100, 21)]; // N = 20 input positions
        var batcher = new TbpttBatcher(corpus, batchSize: 2, timeSize: 3);

        var (xs, ts) = batcher.Next();

        Assert.Equal([0, 10], batcher.Offsets);
        Assert.Equal(3, batcher.BatchesPerEpoch); // ⌊20 / 6⌋
        Assert.Equal([100, 101, 102, 110, 111, 112], xs.Data);
        Assert.Equal([101, 102, 103, 111, 112, 113], ts.Data);
    }

    [Fact]
    public void Tbptt_batches_continue_each_stream_and_wrap_around()
    {
        int[] corpus = [.. Enumerable.Range(0, 21)];
        var batcher = new TbpttBatcher(corpus, batchSize: 2, timeSize: 3);

        batcher.Next();
        var (xs, _) = batcher.Next();
        Assert.Equal([3, 4, 5, 13, 14, 15], xs.Data);

        batcher.Next();
        var (wrapped, wrappedTs) = batcher.Next();
        Assert.Equal([9, 10, 11, 19, 0, 1], wrapped.Data);
        Assert.Equal([10, 11, 12, 20, 1, 2], wrappedTs.Data);

        batcher.Reset();
        Assert.Equal([0, 1, 2, 10, 11, 12], batcher.Next().Xs.Data);
    }

    [Fact]
    public void Tbptt_rejects_a_corpus_too_short_for_one_batch()
    {
        var error = Assert.Throws<ArgumentException>(() => new TbpttBatcher([1, 2, 3], 2, 2));

        Assert.Equal("corpus", error.ParamName);
    }

    [Fact]
    public void Sequences_are_padded_with_pad_id_in_inputs_and_ignore_index_in_targets()
    {
        var batcher = new SequenceBatcher([[1, 2, 3, 4], [5, 6], [7, 8, 9]], batchSize: 2, padId: 0, ignoreIndex: -1);

        var (xs, ts) = batcher.Next();
        Assert.Equal([1, 2, 3, 5, 0, 0], xs.Data);
        Assert.Equal([2, 3, 4, 6, -1, -1], ts.Data);

        (xs, ts) = batcher.Next();
        Assert.Equal([7, 8, 0, 0, 0, 0], xs.Data);
        Assert.Equal([8, 9, -1, -1, -1, -1], ts.Data);
        Assert.Equal(2, batcher.BatchesPerEpoch);
        Assert.False(batcher.CarriesState);
    }

    [Fact]
    public void Shuffled_sequences_repeat_for_a_seed()
    {
        int[][] sequences = [.. Enumerable.Range(0, 10).Select(i => new[] { i, i + 1 })];
        var first = new SequenceBatcher(sequences, batchSize: 10, shuffleSeed: 5).Next().Xs.Data.ToArray();
        var second = new SequenceBatcher(sequences, batchSize: 10, shuffleSeed: 5).Next().Xs.Data.ToArray();

        Assert.Equal(first, second);
        Assert.NotEqual([.. Enumerable.Range(0, 10)], first);
        Assert.Equal([.. Enumerable.Range(0, 10)], first.Order());
    }
}
