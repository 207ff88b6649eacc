using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Sequences;

/// <summary>
/// The decoder of a sequence-to-sequence model ("Deep Learning from Scratch 2", ch. 7): an LSTM language model
/// over the target that starts from the encoder's last hidden state.
/// </summary>
/// <remarks>
/// Shapes: xs (B, T′) target ids shifted right (start token first), h (B, H) → scores (B, T′, V).
/// <code>
///   training (teacher forcing):  (h_{-1}, C_{-1}) = (h_enc, 0);  y_t = lstm(W_e[x_t]) W_hy + b_y   with x_t the true token t−1
///   generation (greedy):         x_0 = start;  x_{t+1} = argmax y_t
///   backward:                    ∂L/∂h_enc = ∂L/∂h_{-1}, which the LSTM's Backward leaves in StateGradient
/// </code>
/// Parameters: decoder.embedding.W_e, decoder.lstm.W_x, decoder.lstm.W_h, decoder.lstm.b, decoder.affine.W_hy, decoder.affine.b_y.
/// </remarks>
public sealed class Seq2SeqDecoder<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Builds the decoder with weights drawn from <paramref name="random"/> (as <see cref="Seq2SeqEncoder{T}"/>, W_hy ~ N(0,1)/√H).</summary>
    public Seq2SeqDecoder(int vocabularySize, int wordVecSize, int hiddenSize, NormalRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordVecSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        ArgumentNullException.ThrowIfNull(random);
        var (v, d, h) = (vocabularySize, wordVecSize, hiddenSize);
        Embedding = new TimeEmbedding<T>(new Parameter<T>("decoder.embedding.W_e", random.Randn<T>(1.0 / 100, v, d)));
        Lstm = new TimeLstm<T>(
            new Parameter<T>("decoder.lstm.W_x", random.Randn<T>(1.0 / Math.Sqrt(d), d, 4 * h)),
            new Parameter<T>("decoder.lstm.W_h", random.Randn<T>(1.0 / Math.Sqrt(h), h, 4 * h)),
            new Parameter<T>("decoder.lstm.b", new NdArray<T>(4 * h)),
            stateful: true);
        Affine = new TimeAffine<T>(
            new Parameter<T>("decoder.affine.W_hy", random.Randn<T>(1.0 / Math.Sqrt(h), h, v)),
            new Parameter<T>("decoder.affine.b_y", new NdArray<T>(v)));
        Parameters = [.. Embedding.Parameters, .. Lstm.Parameters, .. Affine.Parameters];
    }

    /// <summary>The target embedding.</summary>
    public TimeEmbedding<T> Embedding { get; }

    /// <summary>The target LSTM; its state is set to (h_enc, 0) before each sequence.</summary>
    public TimeLstm<T> Lstm { get; }

    /// <summary>The output layer.</summary>
    public TimeAffine<T> Affine { get; }

    /// <summary>The decoder's parameters.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    #region Forward
    /// <summary>Teacher forcing: the scores (B, T′, V) of each next target token, given the true previous ones xs (B, T′).</summary>
    public NdArray<T> Forward(NdArray<int> xs, NdArray<T> h)
    {
        Lstm.SetState(h, Nd.ZerosLike(h));
        var hs = Lstm.Forward(Embedding.Forward(xs));
        return Affine.Forward(hs);
    }
    #endregion

    #region Backward
    /// <summary>Takes ∂L/∂scores (B, T′, V); adds to the gradients and returns ∂L/∂h_enc (B, H).</summary>
    public NdArray<T> Backward(NdArray<T> dscores)
    {
        var dhs = Affine.Backward(dscores);
        Embedding.Backward(Lstm.Backward(dhs));
        return Lstm.StateGradient!;
    }
    #endregion

    #region Generate
    /// <summary>Greedy decoding: from h (B, H) and the start id, feed back the most likely token <paramref name="length"/> times; returns (B, length) ids.</summary>
    public NdArray<int> Generate(NdArray<T> h, int startId, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int batch = h.Dim(0);
        Lstm.SetState(h, Nd.ZerosLike(h));
        var x = new NdArray<int>(batch, 1);
        x.Fill(startId);
        var sampled = new NdArray<int>(batch, length);
        for (int t = 0; t < length; t++)
        {
            var scores = Affine.Forward(Lstm.Forward(Embedding.Forward(x)));
            for (int b = 0; b < batch; b++)
            {
                x[b] = sampled[b, t] = ArgMax(scores, b);
            }
        }

        return sampled;
    }
    #endregion

    // The id with the highest score in row b of (B, 1, V) scores; the lowest id on a tie.
    private static int ArgMax(NdArray<T> scores, int b)
    {
        int v = scores.Dim(2), best = 0;
        var row = scores.Data.AsSpan(b * v, v);
        for (int i = 1; i < v; i++)
        {
            if (row[i] > row[best])
            {
                best = i;
            }
        }

        return best;
    }
}
