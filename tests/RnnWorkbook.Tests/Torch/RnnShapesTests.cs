using RnnWorkbook.Torch;

namespace RnnWorkbook.Tests.Torch;

public class RnnShapesTests
{
    [Fact]
    public void Bidirectional_two_layer_rnn_has_doubled_output_and_four_final_states()
    {
        var rows = RnnShapes.Recurrent(batch: 4, time: 7, inputSize: 10, hiddenSize: 16, numLayers: 2, bidirectional: true);

        Assert.Equal([4L, 7, 32], Shape(rows, "RNN", "output"));
        Assert.Equal([4L, 4, 16], Shape(rows, "RNN", "h_n"));
        Assert.Equal([16L, 10], Shape(rows, "weights", "weight_ih_l0"));
        Assert.Equal([16L, 10], Shape(rows, "weights", "weight_ih_l0_reverse"));
        Assert.Equal([16L, 32], Shape(rows, "weights", "weight_ih_l1")); // layer 2 reads both directions
        Assert.Equal([4L, 7, 16], Shape(rows, "backward direction, every step", "output[..., H:]"));
        Assert.Equal([2L, 4, 16], Shape(rows, "last layer, both directions", "h_n.view(L, 2, B, H)[-1]"));
    }

    [Fact]
    public void Stacked_unidirectional_rnn_keeps_one_final_state_per_layer()
    {
        var rows = RnnShapes.Recurrent(batch: 2, time: 5, inputSize: 3, hiddenSize: 8, numLayers: 3, bidirectional: false);

        Assert.Equal([2L, 5, 8], Shape(rows, "RNN", "output"));
        Assert.Equal([3L, 2, 8], Shape(rows, "RNN", "h_n"));
        Assert.Equal([8L, 8], Shape(rows, "weights", "weight_ih_l2"));
        Assert.Equal([2L, 8], Shape(rows, "last layer", "h_n[-1]"));
    }

    [Fact]
    public void One_to_one_is_a_sequence_of_length_one()
    {
        var rows = RnnShapes.OneToOne(batch: 4, inputSize: 10, hiddenSize: 16, outputSize: 3);

        Assert.Equal([4L, 1, 16], Shape(rows, "RNN", "output"));
        Assert.Equal([4L, 3], rows[^1].Shape);
    }

    [Fact]
    public void One_to_many_feeds_each_output_back_and_stacks_the_steps()
    {
        var rows = RnnShapes.OneToMany(batch: 4, inputSize: 10, hiddenSize: 16, vocabularySize: 20, embedSize: 8, steps: 3);

        Assert.Equal([1L, 4, 16], Shape(rows, "initial state from x", "h_0"));
        Assert.Equal([4L, 1, 20], Shape(rows, "step 2: Linear", "y_2"));
        Assert.Equal([4L, 1], Shape(rows, "step 2: argmax fed back", "token"));
        Assert.Equal([4L, 3, 20], rows[^1].Shape);
    }

    [Fact]
    public void Many_to_one_classifies_from_the_last_step()
    {
        var rows = RnnShapes.ManyToOne(batch: 4, time: 7, inputSize: 10, hiddenSize: 16, classes: 3);

        Assert.Equal([4L, 7, 16], Shape(rows, "RNN", "output"));
        Assert.Equal([1L, 4, 16], Shape(rows, "RNN", "h_n"));
        Assert.Equal([4L, 16], Shape(rows, "last step (equals h_n[-1])", "output[:, -1]"));
        Assert.Equal([4L, 3], rows[^1].Shape);
    }

    [Fact]
    public void Many_to_many_scores_every_step()
    {
        var rows = RnnShapes.ManyToMany(batch: 4, time: 7, inputSize: 10, hiddenSize: 16, outputSize: 20);

        Assert.Equal([4L, 7, 20], rows[^1].Shape);
    }

    [Fact]
    public void Encoder_decoder_passes_the_encoder_state_to_the_decoder()
    {
        var rows = RnnShapes.EncoderDecoder(batch: 4, sourceTime: 7, targetTime: 5, sourceVocab: 30, targetVocab: 25, embedSize: 10, hiddenSize: 16);

        Assert.Equal([4L, 7, 10], Shape(rows, "source embedding", "embedded src"));
        Assert.Equal([1L, 4, 16], Shape(rows, "encoder RNN", "h_n (the context)"));
        Assert.Equal([4L, 5, 16], Shape(rows, "decoder RNN from h_0 = context", "output"));
        Assert.Equal([4L, 5, 25], rows[^1].Shape);
        Assert.Equal("Linear at every step | y | (4, 5, 25)", rows[^1].ToString());
    }

    private static IReadOnlyList<long> Shape(IReadOnlyList<ShapeRow> rows, string step, string tensor) =>
        rows.Single(r => r.Step == step && r.Tensor == tensor).Shape;
}
