namespace RnnWorkbook.Scratch;

/// <summary>
/// The model of chapter 7's delayed-recall task: embedding → recurrent layer → affine on the last h → softmax
/// with loss. The recurrent layer is any <see cref="IRecurrentLayer{T}"/> (<see cref="TimeRnn{T}"/>,
/// <see cref="TimeLstm{T}"/>, <see cref="TimeGru{T}"/>); <see cref="DelayedRecall.NewModel"/> builds one of each kind.
/// </summary>
/// <remarks>
/// Shapes: xs (B, T) → embedded (B, T, D) → hs (B, T, H) → scores (B, Symbols) from h_{T-1} alone; the loss
/// sits at the last step only, so every gradient reaching an earlier step has crossed the recurrence.
/// </remarks>
public sealed class DelayedRecallModel
{
    /// <summary>Wraps <paramref name="recurrent"/>; W_e (VocabularySize, D) and W_hy (H, Symbols) are drawn from <paramref name="seed"/>.</summary>
    public DelayedRecallModel(IRecurrentLayer<float> recurrent, int seed)
    {
        ArgumentNullException.ThrowIfNull(recurrent);
        var random = new NormalRandom(seed);
        int hidden = recurrent.HiddenSize;
        Embedding = new TimeEmbedding<float>(new Parameter<float>("W_e", random.Randn<float>(0.5, DelayedRecall.VocabularySize, recurrent.InputSize)));
        Recurrent = recurrent;
        Output = new Affine<float>(new Parameter<float>("W_hy", random.Randn<float>(1 / Math.Sqrt(hidden), hidden, DelayedRecall.Symbols)),
            new Parameter<float>("b_y", new NdArray<float>(DelayedRecall.Symbols)));
        Parameters = [.. Embedding.Parameters, .. recurrent.Parameters, .. Output.Parameters];
    }

    /// <summary>W_e: one vector of size D per symbol, distractor and the query mark.</summary>
    public TimeEmbedding<float> Embedding { get; }

    /// <summary>The recurrent layer (not stateful: every batch starts from h = 0).</summary>
    public IRecurrentLayer<float> Recurrent { get; }

    /// <summary>W_hy, b_y: the last h to one score per symbol.</summary>
    public Affine<float> Output { get; }

    /// <summary>Softmax and cross-entropy against the answer.</summary>
    public SoftmaxWithLoss<float> Loss { get; } = new();

    /// <summary>W_e, the recurrent layer's parameters, W_hy, b_y.</summary>
    public IReadOnlyList<Parameter<float>> Parameters { get; }

    /// <summary>The scores (B, Symbols) of the answer to each sequence of xs (B, T).</summary>
    public NdArray<float> Scores(NdArray<int> xs)
    {
        ArgumentNullException.ThrowIfNull(xs);
        var hs = Recurrent.Forward(Embedding.Forward(xs));
        return Output.Forward(hs.Step(xs.Dim(1) - 1));
    }

    /// <summary>Forward and backward for one batch: fills the gradients and returns the mean loss.</summary>
    public float TrainStep(NdArray<int> xs, NdArray<int> answers)
    {
        float loss = Loss.Forward(Scores(xs), answers);
        var dhLast = Output.Backward(Loss.Backward(1f));
        var dhs = Nd.Zeros<float>(xs.Dim(0), xs.Dim(1), Recurrent.HiddenSize);
        dhs.SetStep(xs.Dim(1) - 1, dhLast);
        Embedding.Backward(Recurrent.Backward(dhs));
        return loss;
    }
}
