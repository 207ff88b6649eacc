using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Sequences;

/// <summary>
/// The encoder of a sequence-to-sequence model ("Deep Learning from Scratch 2", ch. 7): embed the source ids,
/// run an LSTM over them, and hand the last hidden state to the decoder.
/// </summary>
/// <remarks>
/// Shapes: xs (B, T) ids → (B, T, D) → hs (B, T, H) → h = hs[:, T−1] (B, H); W_e (V, D), W_x (D, 4H), W_h (H, 4H), b (4H).
/// <code>
///   forward:   h = lstm(W_e[xs])[:, T−1]
///   backward:  ∂L/∂hs = 0 except ∂L/∂hs[:, T−1] = ∂L/∂h (from the decoder); then through the LSTM and the embedding
/// </code>
/// Parameters: encoder.embedding.W_e, encoder.lstm.W_x, encoder.lstm.W_h, encoder.lstm.b.
/// </remarks>
public sealed class Seq2SeqEncoder<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int _time = -1;

    /// <summary>Builds the encoder with weights drawn from <paramref name="random"/> (W_e ~ N(0,1)/100, W_x ~ N(0,1)/√D, W_h ~ N(0,1)/√H, b = 0).</summary>
    public Seq2SeqEncoder(int vocabularySize, int wordVecSize, int hiddenSize, NormalRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordVecSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        ArgumentNullException.ThrowIfNull(random);
        var (v, d, h) = (vocabularySize, wordVecSize, hiddenSize);
        Embedding = new TimeEmbedding<T>(new Parameter<T>("encoder.embedding.W_e", random.Randn<T>(1.0 / 100, v, d)));
        Lstm = new TimeLstm<T>(
            new Parameter<T>("encoder.lstm.W_x", random.Randn<T>(1.0 / Math.Sqrt(d), d, 4 * h)),
            new Parameter<T>("encoder.lstm.W_h", random.Randn<T>(1.0 / Math.Sqrt(h), h, 4 * h)),
            new Parameter<T>("encoder.lstm.b", new NdArray<T>(4 * h)),
            stateful: false);
        Parameters = [.. Embedding.Parameters, .. Lstm.Parameters];
    }

    /// <summary>The source embedding.</summary>
    public TimeEmbedding<T> Embedding { get; }

    /// <summary>The source LSTM (not stateful: every batch starts from h = C = 0).</summary>
    public TimeLstm<T> Lstm { get; }

    /// <summary>encoder.embedding.W_e, encoder.lstm.W_x, encoder.lstm.W_h, encoder.lstm.b.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>H.</summary>
    public int HiddenSize => Lstm.HiddenSize;

    #region Forward
    /// <summary>The last hidden state h (B, H) after reading the source ids xs (B, T).</summary>
    public NdArray<T> Forward(NdArray<int> xs)
    {
        var hs = Lstm.Forward(Embedding.Forward(xs));
        _time = xs.Dim(1);
        return hs.Step(_time - 1);
    }
    #endregion

    #region Backward
    /// <summary>Takes ∂L/∂h (B, H) from the decoder and adds to the encoder's gradients.</summary>
    public void Backward(NdArray<T> dh)
    {
        if (_time < 0)
        {
            throw new InvalidOperationException("Seq2SeqEncoder: call Forward before Backward.");
        }

        var dhs = Nd.Zeros<T>(dh.Dim(0), _time, HiddenSize);
        dhs.SetStep(_time - 1, dh);
        Embedding.Backward(Lstm.Backward(dhs));
    }
    #endregion
}
