using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Classification;

/// <summary>
/// A many-to-one classifier from the scratch layers: embed each unit, run an LSTM over the real steps, read
/// one vector per text (the last real step, or mean / max pooling), score the classes, softmax with loss.
/// </summary>
/// <remarks>
/// Shapes: ids (B, T) → xs (B, T, D) → hs (B, T, H) → v (B, H) → s (B, K) → L.
/// <code>
///   x_{b,t} = W_e[ids_{b,t}]
///   h_{b,t} = lstm(x_{b,t}, h_{b,t−1})                       (h_{b,−1} = C_{b,−1} = 0: each text starts afresh)
///   v_b     = h_{b, len_b − 1}                               (or mean / max over t &lt; len_b)
///   s_b     = v_b W + b
///   L       = (1/B) Σ_b −log softmax(s_b)[y_b]
/// </code>
/// Padding sits after each text's last real step, so with last-step pooling it never reaches v; its
/// gradient is zero. Initial weights: W_e ~ N(0, 1)/100, W_x ~ N(0, 1)/√D, W_h ~ N(0, 1)/√H, W ~ N(0, 1)/√H,
/// biases 0, in that order from <see cref="NormalRandom"/>(seed). Parameters: embedding.W_e, lstm.W_x,
/// lstm.W_h, lstm.b, affine.W, affine.b.
/// </remarks>
public sealed class ScratchClassifier<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ArrayArena _arena = new();
    private PaddedBatch? _batch;

    /// <summary>Builds the classifier with seeded random weights.</summary>
    public ScratchClassifier(int vocabularySize, int wordVecSize, int hiddenSize, int classes,
        PoolingKind pooling = PoolingKind.LastStep, int seed = Workbook.DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wordVecSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        int v = vocabularySize, d = wordVecSize, h = hiddenSize;
        var random = new NormalRandom(seed);
        var we = new Parameter<T>("embedding.W_e", random.Randn<T>(1.0 / 100, v, d));
        var wx = new Parameter<T>("lstm.W_x", random.Randn<T>(1.0 / Math.Sqrt(d), d, 4 * h));
        var wh = new Parameter<T>("lstm.W_h", random.Randn<T>(1.0 / Math.Sqrt(h), h, 4 * h));
        var b = new Parameter<T>("lstm.b", new NdArray<T>(4 * h));
        var w = new Parameter<T>("affine.W", random.Randn<T>(1.0 / Math.Sqrt(h), h, classes));
        var by = new Parameter<T>("affine.b", new NdArray<T>(classes));

        Embedding = new TimeEmbedding<T>(we);
        Lstm = new TimeLstm<T>(wx, wh, b, stateful: false);
        Pooling = new Pooling<T>(pooling);
        Affine = new Affine<T>(w, by);
        Loss = new SoftmaxWithLoss<T>();
        Classes = classes;
        Parameters = [we, wx, wh, b, w, by];
    }

    /// <summary>Embedding → LSTM → pooling → affine → softmax with loss.</summary>
    public TimeEmbedding<T> Embedding { get; }

    /// <summary>The LSTM (not stateful: every batch starts from zero state).</summary>
    public TimeLstm<T> Lstm { get; }

    /// <summary>What is read of hs.</summary>
    public Pooling<T> Pooling { get; }

    /// <summary>The output layer (H → K).</summary>
    public Affine<T> Affine { get; }

    /// <summary>The loss layer.</summary>
    public SoftmaxWithLoss<T> Loss { get; }

    /// <summary>K.</summary>
    public int Classes { get; }

    /// <summary>The six named parameters.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    #region Forward
    /// <summary>The class scores s (B, K) of a padded batch.</summary>
    public NdArray<T> Scores(PaddedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var ids = new NdArray<int>(batch.Ids, batch.BatchSize, batch.TimeSize);
        var xs = Embedding.Forward(ids);
        var hs = Lstm.Forward(xs);
        var v = Pooling.Forward(hs, batch.Lengths);
        return Affine.Forward(v);
    }

    /// <summary>The mean cross-entropy of the batch against its labels (one per row, 0 … K−1).</summary>
    public T Forward(PaddedBatch batch, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var ts = new NdArray<int>(ClassLabels.Require(labels, Classes, batch.BatchSize), batch.BatchSize);
        _arena.Reset();
        using var scope = _arena.Enter();
        _batch = batch;
        return Loss.Forward(Scores(batch), ts);
    }
    #endregion

    #region Backward
    /// <summary>Adds ∂L/∂(every parameter) for the last Forward.</summary>
    public void Backward()
    {
        if (_batch is null)
        {
            throw new InvalidOperationException("ScratchClassifier: call Forward before Backward.");
        }

        using var scope = _arena.Enter();
        var ds = Loss.Backward(T.One);
        var dv = Affine.Backward(ds);
        var dhs = Pooling.Backward(dv);
        var dxs = Lstm.Backward(dhs);
        Embedding.Backward(dxs);
    }
    #endregion

    /// <summary>Class probabilities (B, K) of a batch. Like Forward it starts a new pass: call it before Forward/Backward, not between Backward and the update.</summary>
    public NdArray<T> Probabilities(PaddedBatch batch)
    {
        _arena.Reset();
        using var scope = _arena.Enter();
        return Scores(batch).SoftmaxRows().Clone();
    }
}
