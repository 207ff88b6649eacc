using static TorchSharp.torch;

namespace RnnWorkbook.Torch;

/// <summary>
/// Runs each kind of RNN with TorchSharp on zeros and lists the shape of every tensor on the way, so a
/// chapter can show one-to-one, one-to-many, many-to-one, many-to-many, encoder–decoder, stacked and
/// bidirectional RNNs as tables. All modules are batch_first: sequences are (B, T, features).
/// </summary>
/// <remarks>
/// nn.RNN returns output (B, T, directions·H), every step of the last layer, and h_n
/// (layers·directions, B, H), the last step of every layer and direction. h_n is not batch-first.
/// </remarks>
public static class RnnShapes
{
    /// <summary>One input, one output: a sequence of length 1 (x (B, D) → y (B, C)).</summary>
    public static IReadOnlyList<ShapeRow> OneToOne(int batch = 4, int inputSize = 10, int hiddenSize = 16, int outputSize = 3)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var rnn = nn.RNN(inputSize, hiddenSize, batchFirst: true);
        using var linear = nn.Linear(hiddenSize, outputSize);
        var rows = new List<ShapeRow>();
        var x = zeros(batch, inputSize);
        Add(rows, "input", "x", x);
        var sequence = x.unsqueeze(1);
        Add(rows, "as a sequence of one step", "x.unsqueeze(1)", sequence);
        var (output, hn) = rnn.forward(sequence, null);
        Add(rows, "RNN", "output", output);
        Add(rows, "RNN", "h_n", hn);
        Add(rows, "Linear on the only step", "y", linear.forward(output.squeeze(1)));
        return rows;
    }

    /// <summary>One input, a generated sequence: x sets the first state, each output is fed back (greedy).</summary>
    public static IReadOnlyList<ShapeRow> OneToMany(int batch = 4, int inputSize = 10, int hiddenSize = 16, int vocabularySize = 20, int embedSize = 8, int steps = 3)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var init = nn.Linear(inputSize, hiddenSize);
        using var embedding = nn.Embedding(vocabularySize, embedSize);
        using var rnn = nn.RNN(embedSize, hiddenSize, batchFirst: true);
        using var linear = nn.Linear(hiddenSize, vocabularySize);
        var rows = new List<ShapeRow>();
        var x = zeros(batch, inputSize);
        Add(rows, "input (e.g. an image feature)", "x", x);
        var h = tanh(init.forward(x)).unsqueeze(0);
        Add(rows, "initial state from x", "h_0", h);
        var token = zeros(new long[] { batch, 1 }, dtype: ScalarType.Int64);
        Add(rows, "start token", "token", token);
        var outputs = new List<Tensor>();
        for (int t = 0; t < steps; t++)
        {
            var (output, hn) = rnn.forward(embedding.forward(token), h);
            var y = linear.forward(output);
            Add(rows, $"step {t}: RNN", "output", output);
            Add(rows, $"step {t}: Linear", $"y_{t}", y);
            token = y.argmax(-1);
            Add(rows, $"step {t}: argmax fed back", "token", token);
            h = hn;
            outputs.Add(y);
        }

        Add(rows, "all steps", "ys = cat(y_t, dim 1)", cat(outputs, 1));
        return rows;
    }

    /// <summary>A sequence in, one output: classify from the last step (x (B, T, D) → y (B, C)).</summary>
    public static IReadOnlyList<ShapeRow> ManyToOne(int batch = 4, int time = 7, int inputSize = 10, int hiddenSize = 16, int classes = 3)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var rnn = nn.RNN(inputSize, hiddenSize, batchFirst: true);
        using var linear = nn.Linear(hiddenSize, classes);
        var rows = new List<ShapeRow>();
        var x = zeros(batch, time, inputSize);
        Add(rows, "input", "x", x);
        var (output, hn) = rnn.forward(x, null);
        Add(rows, "RNN", "output", output);
        Add(rows, "RNN", "h_n", hn);
        var last = output[.., -1, ..];
        Add(rows, "last step (equals h_n[-1])", "output[:, -1]", last);
        Add(rows, "Linear", "y", linear.forward(last));
        return rows;
    }

    /// <summary>A sequence in, one output per step (aligned): x (B, T, D) → y (B, T, V), as in a language model.</summary>
    public static IReadOnlyList<ShapeRow> ManyToMany(int batch = 4, int time = 7, int inputSize = 10, int hiddenSize = 16, int outputSize = 20)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var rnn = nn.RNN(inputSize, hiddenSize, batchFirst: true);
        using var linear = nn.Linear(hiddenSize, outputSize);
        var rows = new List<ShapeRow>();
        var x = zeros(batch, time, inputSize);
        Add(rows, "input", "x", x);
        var (output, hn) = rnn.forward(x, null);
        Add(rows, "RNN", "output", output);
        Add(rows, "RNN", "h_n", hn);
        Add(rows, "Linear at every step", "y", linear.forward(output));
        return rows;
    }

    /// <summary>Sequence to sequence: an encoder reads the source, its final state starts the decoder.</summary>
    public static IReadOnlyList<ShapeRow> EncoderDecoder(
        int batch = 4, int sourceTime = 7, int targetTime = 5, int sourceVocab = 30, int targetVocab = 25, int embedSize = 10, int hiddenSize = 16)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var sourceEmbedding = nn.Embedding(sourceVocab, embedSize);
        using var targetEmbedding = nn.Embedding(targetVocab, embedSize);
        using var encoder = nn.RNN(embedSize, hiddenSize, batchFirst: true);
        using var decoder = nn.RNN(embedSize, hiddenSize, batchFirst: true);
        using var linear = nn.Linear(hiddenSize, targetVocab);
        var rows = new List<ShapeRow>();
        var source = zeros(new long[] { batch, sourceTime }, dtype: ScalarType.Int64);
        Add(rows, "source ids", "src", source);
        var sourceVectors = sourceEmbedding.forward(source);
        Add(rows, "source embedding", "embedded src", sourceVectors);
        var (encoderOutput, context) = encoder.forward(sourceVectors, null);
        Add(rows, "encoder RNN", "output", encoderOutput);
        Add(rows, "encoder RNN", "h_n (the context)", context);
        var target = zeros(new long[] { batch, targetTime }, dtype: ScalarType.Int64);
        Add(rows, "target ids (teacher forcing)", "tgt", target);
        var targetVectors = targetEmbedding.forward(target);
        Add(rows, "target embedding", "embedded tgt", targetVectors);
        var (decoderOutput, decoderState) = decoder.forward(targetVectors, context);
        Add(rows, "decoder RNN from h_0 = context", "output", decoderOutput);
        Add(rows, "decoder RNN", "h_n", decoderState);
        Add(rows, "Linear at every step", "y", linear.forward(decoderOutput));
        return rows;
    }

    /// <summary>A stacked (numLayers) and optionally bidirectional RNN: its weights, output and h_n.</summary>
    public static IReadOnlyList<ShapeRow> Recurrent(int batch = 4, int time = 7, int inputSize = 10, int hiddenSize = 16, int numLayers = 2, bool bidirectional = true)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var rnn = nn.RNN(inputSize, hiddenSize, numLayers: numLayers, batchFirst: true, bidirectional: bidirectional);
        var rows = new List<ShapeRow>();
        foreach (var (name, parameter) in rnn.named_parameters())
        {
            rows.Add(new ShapeRow("weights", name, parameter.shape));
        }

        var x = zeros(batch, time, inputSize);
        Add(rows, "input", "x", x);
        var (output, hn) = rnn.forward(x, null);
        Add(rows, "RNN", "output", output);
        Add(rows, "RNN", "h_n", hn);
        if (bidirectional)
        {
            Add(rows, "forward direction, every step", "output[..., :H]", output[.., .., ..hiddenSize]);
            Add(rows, "backward direction, every step", "output[..., H:]", output[.., .., hiddenSize..]);
            Add(rows, "last layer, both directions", "h_n.view(L, 2, B, H)[-1]", hn.view(numLayers, 2, batch, hiddenSize)[-1]);
        }
        else
        {
            Add(rows, "last layer", "h_n[-1]", hn[-1]);
        }

        return rows;
    }

    private static void Add(List<ShapeRow> rows, string step, string name, Tensor tensor) => rows.Add(new ShapeRow(step, name, tensor.shape));
}
