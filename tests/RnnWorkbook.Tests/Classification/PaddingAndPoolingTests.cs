using RnnWorkbook.Classification;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Classification;

/// <summary>Padded batches, masks, pooling over real steps and length buckets, on hand-worked answers.</summary>
public class PaddingAndPoolingTests
{
    [Fact]
    public void A_batch_is_padded_on_the_right_to_its_longest_text_and_the_mask_marks_real_steps()
    {
        var batch = PaddedBatch.Create([[5, 6, 7], [8], [9, 10]]);
        Assert.Equal(3, batch.TimeSize);
        Assert.Equal([5, 6, 7, 8, 0, 0, 9, 10, 0], batch.Ids);
        Assert.Equal([3, 1, 2], batch.Lengths);
        Assert.Equal(new float[,] { { 1, 1, 1 }, { 1, 0, 0 }, { 1, 1, 0 } }, batch.Mask());
        Assert.Equal(0, batch.Truncated);
    }

    [Fact]
    public void An_over_long_text_keeps_its_first_ids_and_is_counted()
    {
        var batch = PaddedBatch.Create([[1, 2, 3, 4, 5], [6]], maxLength: 3);
        Assert.Equal([1, 2, 3, 6, 0, 0], batch.Ids);
        Assert.Equal(1, batch.Truncated);
    }

    [Fact]
    public void An_empty_text_is_refused_naming_its_index()
    {
        var error = Assert.Throws<ArgumentException>(() => PaddedBatch.Create([[1], []]));
        Assert.Contains("sequences[1] is empty", error.Message);
        var vocabulary = TokenVocabulary.Build(["ab"], TextUnits.Characters);
        var encode = Assert.Throws<ArgumentException>(() => vocabulary.EncodeAll(["ab", ""]));
        Assert.Contains("texts[1]", encode.Message);
    }

    [Fact]
    public void Pooling_reads_only_real_steps_and_routes_the_gradient_back_to_them()
    {
        // hs (B=2, T=3, H=2); row 1 has length 2, its step 2 is padding holding a large value that must be ignored.
        var hs = new NdArray<double>([1, -1, 3, 0, 2, 5, /**/ 4, 2, 0, 6, 99, 99], 2, 3, 2);
        int[] lengths = [3, 2];
        var dv = new NdArray<double>([1, 2, 3, 4], 2, 2);

        var last = new Pooling<double>(PoolingKind.LastStep);
        Assert.Equal([2.0, 5, 0, 6], last.Forward(hs, lengths).Data);
        Assert.Equal([0.0, 0, 0, 0, 1, 2, /**/ 0, 0, 3, 4, 0, 0], last.Backward(dv).Data);

        var mean = new Pooling<double>(PoolingKind.Mean);
        Assert.Equal([2.0, 4.0 / 3, 2, 4], mean.Forward(hs, lengths).Data);
        Assert.Equal([1 / 3.0, 2 / 3.0, 1 / 3.0, 2 / 3.0, 1 / 3.0, 2 / 3.0, /**/ 1.5, 2, 1.5, 2, 0, 0], mean.Backward(dv).Data);

        var max = new Pooling<double>(PoolingKind.Max);
        Assert.Equal([3.0, 5, 4, 6], max.Forward(hs, lengths).Data);
        Assert.Equal([0.0, 0, 1, 0, 0, 2, /**/ 3, 0, 0, 4, 0, 0], max.Backward(dv).Data);
    }

    [Fact]
    public void Pooling_refuses_a_length_outside_the_batch()
    {
        var pooling = new Pooling<double>(PoolingKind.Mean);
        Assert.Throws<ArgumentOutOfRangeException>(() => pooling.Forward(new NdArray<double>(1, 2, 1), [3]));
        Assert.Throws<InvalidOperationException>(() => new Pooling<double>(PoolingKind.Max).Backward(new NdArray<double>(1, 1)));
    }

    [Fact]
    public void Buckets_cover_every_text_once_cut_padding_and_repeat_with_the_seed()
    {
        var random = new Random(3);
        var lengths = Enumerable.Range(0, 500).Select(_ => random.Next(1, 60)).ToArray();
        var buckets = LengthBuckets.Batches(lengths, 16, seed: 7);
        Assert.Equal(Enumerable.Range(0, 500), buckets.SelectMany(b => b).Order());
        var unsorted = LengthBuckets.Batches(lengths, 16, seed: 7, poolBatches: 1);
        Assert.True(LengthBuckets.PaddingShare(lengths, buckets) < 0.1);
        Assert.True(LengthBuckets.PaddingShare(lengths, unsorted) > 0.3);
        Assert.Equal(buckets.SelectMany(b => b), LengthBuckets.Batches(lengths, 16, seed: 7).SelectMany(b => b));
    }

    [Fact]
    public void Vocabulary_keeps_padding_and_unknown_first_and_units_by_frequency()
    {
        var vocabulary = TokenVocabulary.Build(["abca", "b"], TextUnits.Characters);
        Assert.Equal(["<pad>", "<unk>", "a", "b", "c"], Enumerable.Range(0, vocabulary.Count).Select(i => vocabulary[i]));
        Assert.Equal([2, 1, 4], vocabulary.Encode("azc"));
        Assert.Equal(["ㅎ", "ㅏ", "ㄴ", "!"], TextUnits.Jamo("한!"));
    }
}
