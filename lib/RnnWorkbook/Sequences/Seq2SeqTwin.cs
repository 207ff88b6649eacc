using RnnWorkbook.Scratch;
using RnnWorkbook.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnWorkbook.Sequences;

/// <summary>
/// The TorchSharp twin of <see cref="Seq2Seq{T}"/>: nn.Embedding → nn.LSTM for the source, its final h_n as the
/// decoder's h_0 (c_0 = 0), nn.Embedding → nn.LSTM → nn.Linear for the target. Copy the scratch weights in
/// with <see cref="WeightCopy.ToTorch(IReadOnlyList{Parameter{float}}, nn.Module, IReadOnlyList{WeightBinding})"/>
/// and <see cref="Bindings"/>.
/// </summary>
public sealed class Seq2SeqTwin : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding _encoderEmbedding, _decoderEmbedding;
    private readonly LSTM _encoderLstm, _decoderLstm;
    private readonly Linear _decoderAffine;

    /// <summary>Builds the twin (TorchSharp's initialisation; copy weights in by name).</summary>
    public Seq2SeqTwin(int vocabularySize, int wordVecSize, int hiddenSize) : base(nameof(Seq2SeqTwin))
    {
        _encoderEmbedding = nn.Embedding(vocabularySize, wordVecSize);
        _encoderLstm = nn.LSTM(wordVecSize, hiddenSize, batchFirst: true);
        _decoderEmbedding = nn.Embedding(vocabularySize, wordVecSize);
        _decoderLstm = nn.LSTM(wordVecSize, hiddenSize, batchFirst: true);
        _decoderAffine = nn.Linear(hiddenSize, vocabularySize);
        register_module("encoder_embedding", _encoderEmbedding);
        register_module("encoder_lstm", _encoderLstm);
        register_module("decoder_embedding", _decoderEmbedding);
        register_module("decoder_lstm", _decoderLstm);
        register_module("decoder_affine", _decoderAffine);
        VocabularySize = vocabularySize;
    }

    /// <summary>Scratch name → TorchSharp name, with the LSTM's gate blocks (scratch f, g, i, o; torch i, f, g, o).</summary>
    public static IReadOnlyList<WeightBinding> Bindings { get; } =
    [
        new("encoder.embedding.W_e", "encoder_embedding.weight"),
        .. Lstm("encoder.lstm", "encoder_lstm"),
        new("decoder.embedding.W_e", "decoder_embedding.weight"),
        .. Lstm("decoder.lstm", "decoder_lstm"),
        new("decoder.affine.W_hy", "decoder_affine.weight") { Transpose = true },
        new("decoder.affine.b_y", "decoder_affine.bias"),
    ];

    /// <summary>V.</summary>
    public int VocabularySize { get; }

    /// <summary>Teacher forcing: scores (B, T′, V) for sources xs (B, T) and decoder inputs (B, T′), int64 ids.</summary>
    public override Tensor forward(Tensor xs, Tensor decoderInputs)
    {
        using var scope = NewDisposeScope();
        var (_, h, _) = _encoderLstm.forward(_encoderEmbedding.forward(xs));
        var (hs, _, _) = _decoderLstm.forward(_decoderEmbedding.forward(decoderInputs), (h, zeros_like(h)));
        return _decoderAffine.forward(hs).MoveToOuterDisposeScope();
    }

    /// <summary>Mean cross-entropy of scores (B, T′, V) against targets (B, T′).</summary>
    public Tensor Loss(Tensor scores, Tensor targets) =>
        nn.functional.cross_entropy(scores.reshape(-1, VocabularySize), targets.reshape(-1));

    private static WeightBinding[] Lstm(string scratch, string torch) =>
    [
        new($"{scratch}.W_x", $"{torch}.weight_ih_l0") { Transpose = true, GateOrder = WeightBinding.LstmGateOrder },
        new($"{scratch}.W_h", $"{torch}.weight_hh_l0") { Transpose = true, GateOrder = WeightBinding.LstmGateOrder },
        new($"{scratch}.b", $"{torch}.bias_ih_l0") { GateOrder = WeightBinding.LstmGateOrder, AddedTorchBias = $"{torch}.bias_hh_l0" },
    ];
}
