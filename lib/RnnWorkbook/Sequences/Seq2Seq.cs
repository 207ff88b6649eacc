using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Sequences;

/// <summary>
/// The encoder–decoder of "Deep Learning from Scratch 2" ch. 7, from the scratch layers: read the source into
/// one vector h, then write the target from it, one token at a time.
/// </summary>
/// <remarks>
/// <code>
///   h      = encoder(xs)                                  xs (B, T) source ids
///   scores = decoder(ts[:, :−1], h)                       teacher forcing: the true previous token goes in
///   L      = mean over positions of −log softmax(scores)[ts[:, 1:]]
/// </code>
/// ts (B, T′ + 1) starts with the start token; the decoder predicts ts[:, 1:]. Backward runs the chain in
/// reverse: loss → decoder → ∂L/∂h → encoder. Weights are drawn from <see cref="NormalRandom"/>(seed),
/// encoder first. A training step takes its temporaries from the model's own <see cref="ArrayArena"/>.
/// </remarks>
public sealed class Seq2Seq<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ArrayArena _arena = new();

    /// <summary>Builds the model; both sides share one vocabulary of V ids (as in the book's addition task).</summary>
    public Seq2Seq(int vocabularySize, int wordVecSize, int hiddenSize, int seed = Workbook.DefaultSeed)
    {
        var random = new NormalRandom(seed);
        Encoder = new Seq2SeqEncoder<T>(vocabularySize, wordVecSize, hiddenSize, random);
        Decoder = new Seq2SeqDecoder<T>(vocabularySize, wordVecSize, hiddenSize, random);
        Loss = new TimeSoftmaxWithLoss<T>();
        Parameters = [.. Encoder.Parameters, .. Decoder.Parameters];
        Params = Parameters.Values();
        Grads = Parameters.Gradients();
    }

    /// <summary>The encoder.</summary>
    public Seq2SeqEncoder<T> Encoder { get; }

    /// <summary>The decoder.</summary>
    public Seq2SeqDecoder<T> Decoder { get; }

    /// <summary>Softmax with cross-entropy at every target position.</summary>
    public TimeSoftmaxWithLoss<T> Loss { get; }

    /// <summary>Encoder parameters, then decoder parameters, by name.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>The values of <see cref="Parameters"/> (the book's <c>params</c>).</summary>
    public IReadOnlyList<NdArray<T>> Params { get; }

    /// <summary>The gradients of <see cref="Parameters"/> (the book's <c>grads</c>).</summary>
    public IReadOnlyList<NdArray<T>> Grads { get; }

    #region Forward
    /// <summary>The mean cross-entropy of the targets ts[:, 1:] given the sources xs (B, T) and ts (B, T′ + 1).</summary>
    public T Forward(NdArray<int> xs, NdArray<int> ts)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ts);
        if (ts.Rank != 2 || ts.Dim(1) < 2 || xs.Rank != 2 || ts.Dim(0) != xs.Dim(0))
        {
            throw new ArgumentException($"ts: expected (B, T′ + 1) with T′ ≥ 1 and B = {(xs.Rank > 0 ? xs.Dim(0) : 0)} of xs, got {ts.ShapeText}.", nameof(ts));
        }

        _arena.Reset();
        using var scope = _arena.Enter();
        var (decoderIn, decoderOut) = (Columns(ts, 0, ts.Dim(1) - 1), Columns(ts, 1, ts.Dim(1)));
        var h = Encoder.Forward(xs);
        var scores = Decoder.Forward(decoderIn, h);
        return Loss.Forward(scores, decoderOut);
    }
    #endregion

    #region Backward
    /// <summary>Fills the gradients of every parameter from the last Forward.</summary>
    public void Backward()
    {
        using var scope = _arena.Enter();
        var dscores = Loss.Backward(T.One);
        var dh = Decoder.Backward(dscores);
        Encoder.Backward(dh);
    }
    #endregion

    /// <summary>Greedy decoding of <paramref name="length"/> tokens after <paramref name="startId"/> for each source row of xs (B, T).</summary>
    public NdArray<int> Generate(NdArray<int> xs, int startId, int length)
    {
        ArgumentNullException.ThrowIfNull(xs);
        _arena.Reset();
        using var scope = _arena.Enter();
        var h = Encoder.Forward(xs);
        var result = Decoder.Generate(h, startId, length);
        return result.Clone();
    }

    /// <summary>Columns [start, end) of an id matrix (B, T): NumPy's <c>ts[:, start:end]</c>.</summary>
    public static NdArray<int> Columns(NdArray<int> ids, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(ids);
        int batch = ids.Dim(0), time = ids.Dim(1), width = end - start;
        if (start < 0 || end > time || width <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"columns [{start}, {end}) are not inside 0 … {time}.");
        }

        var result = new NdArray<int>(batch, width);
        for (int b = 0; b < batch; b++)
        {
            ids.Data.AsSpan(b * time + start, width).CopyTo(result.Data.AsSpan(b * width, width));
        }

        return result;
    }
}
