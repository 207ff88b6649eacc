using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnWorkbook.Sequences;

/// <summary>The encoder's output for a batch: annotations h_i, their attention keys, the padding mask and the decoder's first state.</summary>
/// <param name="Memory">h_i (B, T, 2H_e): forward and backward LSTM states of each letter.</param>
/// <param name="Keys">W_h h_i (B, T, A), computed once per word.</param>
/// <param name="Padding">(B, T) true where position i is padding (no attention there).</param>
/// <param name="H">The decoder's h_0 (B, H_d): the forward state after the last letter and the backward state after the first.</param>
/// <param name="C">The decoder's c_0 (B, H_d) = 0.</param>
public sealed record AttentionEncoding(Tensor Memory, Tensor Keys, Tensor Padding, Tensor H, Tensor C);

/// <summary>
/// An encoder–decoder in TorchSharp for grapheme-to-phoneme conversion: a bidirectional LSTM reads the letters, an
/// LSTM cell writes the phonemes, and with <see cref="UseAttention"/> each step looks back at every letter through
/// additive attention (Bahdanau, Cho &amp; Bengio 2015).
/// </summary>
/// <remarks>
/// <code>
///   h_i = [→h_i ; ←h_i]                                      two LSTMs over the letter embeddings, one reading each word backwards
///   s_0 = [→h_{n−1} ; ←h_0],  c_0 = 0                         (H_d = 2 H_e)
///   with attention, step t:
///     e_{t,i} = vᵀ tanh(W_s s_{t−1} + W_h h_i)               (−∞ at padding)
///     α_t     = softmax_i(e_t)                                how much step t looks at letter i
///     ctx_t   = Σ_i α_{t,i} h_i
///     s_t     = lstm_cell([E y_{t−1} ; ctx_t], s_{t−1})
///     y_t     ~ softmax(W_o [s_t ; ctx_t] + b_o)
///   without attention: s_t = lstm_cell(E y_{t−1}, s_{t−1}),  y_t ~ softmax(W_o s_t + b_o): the whole word must fit in s_0
/// </code>
/// Ids: source 0 is padding; target 0 is padding (ignored by the loss), the start and end ids are the caller's.
/// </remarks>
public sealed class AttentionSeq2Seq : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding _sourceEmbedding, _targetEmbedding;
    private readonly LSTM _forwardEncoder, _backwardEncoder;
    private readonly LSTMCell _decoder;
    private readonly Linear _query, _key, _score, _output;
    private readonly Dropout _dropout;

    /// <summary>Builds the model with TorchSharp's initialisation, seeded by <paramref name="seed"/>.</summary>
    /// <param name="sourceVocabulary">Letter ids (0 = padding).</param>
    /// <param name="targetVocabulary">Phoneme ids (0 = padding).</param>
    /// <param name="embeddingSize">E, letter and phoneme embedding size.</param>
    /// <param name="encoderSize">H_e per direction; the decoder has H_d = 2 H_e.</param>
    /// <param name="attentionSize">A, the size of the attention's hidden layer.</param>
    /// <param name="useAttention">False: the plain encoder–decoder (context only through s_0).</param>
    /// <param name="dropout">Dropout on the embeddings and before the output layer.</param>
    /// <param name="seed">Seeds TorchSharp's generator before the weights are drawn.</param>
    public AttentionSeq2Seq(int sourceVocabulary, int targetVocabulary, int embeddingSize, int encoderSize, int attentionSize,
        bool useAttention, double dropout = 0.0, int seed = Workbook.DefaultSeed) : base(nameof(AttentionSeq2Seq))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceVocabulary, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetVocabulary, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(encoderSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attentionSize);
        random.manual_seed(seed);
        int memory = 2 * encoderSize;
        _sourceEmbedding = nn.Embedding(sourceVocabulary, embeddingSize, padding_idx: 0);
        _forwardEncoder = nn.LSTM(embeddingSize, encoderSize, batchFirst: true);
        _backwardEncoder = nn.LSTM(embeddingSize, encoderSize, batchFirst: true);
        _targetEmbedding = nn.Embedding(targetVocabulary, embeddingSize, padding_idx: 0);
        _decoder = nn.LSTMCell(embeddingSize + (useAttention ? memory : 0), memory);
        _query = nn.Linear(memory, attentionSize);
        _key = nn.Linear(memory, attentionSize, hasBias: false);
        _score = nn.Linear(attentionSize, 1, hasBias: false);
        _output = nn.Linear(memory + (useAttention ? memory : 0), targetVocabulary);
        _dropout = nn.Dropout(dropout);
        register_module("source_embedding", _sourceEmbedding);
        register_module("encoder_forward", _forwardEncoder);
        register_module("encoder_backward", _backwardEncoder);
        register_module("target_embedding", _targetEmbedding);
        register_module("decoder", _decoder);
        if (useAttention)
        {
            register_module("attention_query", _query);
            register_module("attention_key", _key);
            register_module("attention_score", _score);
        }

        register_module("output", _output);
        register_module("dropout", _dropout);
        (UseAttention, TargetVocabulary, EncoderSize) = (useAttention, targetVocabulary, encoderSize);
    }

    /// <summary>True when the decoder attends to the letters.</summary>
    public bool UseAttention { get; }

    /// <summary>The number of phoneme ids.</summary>
    public int TargetVocabulary { get; }

    /// <summary>H_e per direction.</summary>
    public int EncoderSize { get; }

    /// <summary>Reads the letters (B, T) int64, right-padded with 0, with their lengths (B) int64.</summary>
    public AttentionEncoding Encode(Tensor source, Tensor lengths)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(lengths);
        long batch = source.shape[0], time = source.shape[1];
        // reversed[b, i] = i < n_b ? n_b − 1 − i : i, so each word is read backwards from its own last letter and
        // padding comes after the letters in both directions: no annotation depends on how much padding the batch has.
        var positions = arange(time, dtype: ScalarType.Int64).unsqueeze(0).expand(batch, time);
        var n = lengths.unsqueeze(1);
        var reversed = where(positions.lt(n), n - 1 - positions, positions);
        var embedded = _dropout.forward(_sourceEmbedding.forward(source));
        var (forwardStates, _, _) = _forwardEncoder.forward(embedded);
        var backwardInput = embedded.gather(1, reversed.unsqueeze(2).expand(-1, -1, embedded.shape[2]));
        var (backwardRead, _, _) = _backwardEncoder.forward(backwardInput);
        var backwardStates = backwardRead.gather(1, reversed.unsqueeze(2).expand(-1, -1, EncoderSize));
        var memory = cat([forwardStates, backwardStates], 2);
        var lastIndex = (lengths - 1).view(batch, 1, 1).expand(batch, 1, EncoderSize);
        var forwardLast = forwardStates.gather(1, lastIndex).squeeze(1);
        var backwardFirst = backwardStates.select(1, 0);
        var h = cat([forwardLast, backwardFirst], 1);
        var keys = UseAttention ? _key.forward(memory) : memory;
        return new AttentionEncoding(memory, keys, source.eq(0), h, zeros_like(h));
    }

    /// <summary>One decoder step from state (h, c) and the previous phonemes (B) int64: log-probabilities (B, V), the new state and the attention weights α (B, T) (null without attention).</summary>
    public (Tensor LogProbabilities, Tensor H, Tensor C, Tensor? Attention) Step(AttentionEncoding encoding, Tensor h, Tensor c, Tensor previous)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        var embedded = _dropout.forward(_targetEmbedding.forward(previous));
        if (!UseAttention)
        {
            var (hPlain, cPlain) = _decoder.forward(embedded, (h, c));
            return (_output.forward(_dropout.forward(hPlain)).log_softmax(-1), hPlain, cPlain, null);
        }

        var (alpha, context) = Attend(encoding, h);
        var (hNext, cNext) = _decoder.forward(cat([embedded, context], 1), (h, c));
        var scores = _output.forward(_dropout.forward(cat([hNext, context], 1)));
        return (scores.log_softmax(-1), hNext, cNext, alpha);
    }

    /// <summary>Additive attention of the decoder state s (B, H_d) over the encoding's letters: weights α (B, T) and context (B, 2H_e).</summary>
    public (Tensor Alpha, Tensor Context) Attend(AttentionEncoding encoding, Tensor s)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        var v = _score.weight!.squeeze(0);
        return AdditiveAttention(encoding.Keys, _query.forward(s), v, encoding.Padding, encoding.Memory);
    }

    #region AdditiveAttention
    /// <summary>
    /// α_i = softmax_i(vᵀ tanh(k_i + q)) with −∞ at padding, ctx = Σ_i α_i h_i; keys k_i = W_h h_i (B, T, A),
    /// query q = W_s s + b (B, A), v (A), padding (B, T) true where there is no letter, memory h_i (B, T, 2H_e).
    /// </summary>
    public static (Tensor Alpha, Tensor Context) AdditiveAttention(Tensor keys, Tensor query, Tensor v, Tensor padding, Tensor memory)
    {
        var energy = (keys + query.unsqueeze(1)).tanh().matmul(v);                      // (B, T): e_i = vᵀ tanh(k_i + q)
        var alpha = energy.masked_fill(padding, double.NegativeInfinity).softmax(1);   // no weight on padding
        var context = alpha.unsqueeze(1).bmm(memory).squeeze(1);                       // (B, 2H_e): Σ_i α_i h_i
        return (alpha, context);
    }
    #endregion

    /// <summary>Teacher forcing: log-probabilities (B, T′, V) of each next phoneme given the true previous ones (B, T′).</summary>
    public Tensor Forward(Tensor source, Tensor lengths, Tensor decoderInputs)
    {
        ArgumentNullException.ThrowIfNull(decoderInputs);
        var encoding = Encode(source, lengths);
        var (h, c) = (encoding.H, encoding.C);
        var steps = new List<Tensor>();
        for (int t = 0; t < decoderInputs.shape[1]; t++)
        {
            var (logProbabilities, hNext, cNext, _) = Step(encoding, h, c, decoderInputs.select(1, t));
            steps.Add(logProbabilities);
            (h, c) = (hNext, cNext);
        }

        return stack(steps, 1);
    }

    /// <summary>Not used: call <see cref="Forward(Tensor, Tensor, Tensor)"/> with the lengths.</summary>
    public override Tensor forward(Tensor source, Tensor decoderInputs)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lengths = source.ne(0).sum(1);
        return Forward(source, lengths, decoderInputs);
    }
}
