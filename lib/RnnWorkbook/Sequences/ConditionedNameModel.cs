using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnWorkbook.Sequences;

/// <summary>
/// One to many: a character-level GRU whose initial state is computed from a label, so one input (the
/// label) yields a whole sequence (a name). The captioning shape, with a label where an image would be.
/// </summary>
/// <remarks>
/// Shapes: labels (B) int64, xs (B, T) int64 → scores (B, T, V).
/// <code>
///   h_{-1} = tanh(E_label[y])                   the label as the initial state (H)
///   h_t    = GRU(E_char[x_t], h_{t−1})          x_0 = &lt;bos&gt;, x_t = c_t
///   p(c_{t+1} | c_{≤t}, y) = softmax(h_t W + b)  the last target is &lt;eos&gt;
/// </code>
/// </remarks>
public sealed class ConditionedNameModel : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Embedding _label, _characters;
    private readonly GRU _gru;
    private readonly Linear _affine;

    /// <summary>Builds the model (TorchSharp's default initialisation, after seeding its generator with <paramref name="seed"/>).</summary>
    public ConditionedNameModel(int labelCount, int vocabularySize, int embeddingSize, int hiddenSize, int seed = Workbook.DefaultSeed)
        : base(nameof(ConditionedNameModel))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(labelCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        random.manual_seed(seed); // the initial weights depend on the seed alone
        _label = nn.Embedding(labelCount, hiddenSize);
        _characters = nn.Embedding(vocabularySize, embeddingSize);
        _gru = nn.GRU(embeddingSize, hiddenSize, batchFirst: true);
        _affine = nn.Linear(hiddenSize, vocabularySize);
        register_module("label", _label);
        register_module("characters", _characters);
        register_module("gru", _gru);
        register_module("affine", _affine);
        (LabelCount, VocabularySize) = (labelCount, vocabularySize);
    }

    /// <summary>The labels the model is conditioned on.</summary>
    public int LabelCount { get; }

    /// <summary>V.</summary>
    public int VocabularySize { get; }

    /// <summary>h_{-1} (1, B, H) of each label in labels (B).</summary>
    public Tensor InitialState(Tensor labels) => _label.forward(labels).tanh().unsqueeze(0);

    /// <summary>Scores of the next character at every position.</summary>
    public override Tensor forward(Tensor labels, Tensor xs) => Step(xs, InitialState(labels)).Scores;

    /// <summary>Runs xs (B, T) from state h (1, B, H): scores (B, T, V) and the last state.</summary>
    public (Tensor Scores, Tensor State) Step(Tensor xs, Tensor h)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(h);
        var (hs, hn) = _gru.forward(_characters.forward(xs), h);
        return (_affine.forward(hs), hn);
    }
}
