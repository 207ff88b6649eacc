namespace RnnWorkbook.Scratch;

/// <summary>Batches of (input ids, target ids), both (B, T), for <see cref="Trainer{T}"/>.</summary>
public interface IBatchSource
{
    /// <summary>How many batches make one pass over the data.</summary>
    int BatchesPerEpoch { get; }

    /// <summary>
    /// True when each batch continues the previous one (truncated BPTT): the model keeps its hidden state.
    /// False when batches are independent sequences: the trainer resets the state before each batch.
    /// </summary>
    bool CarriesState { get; }

    /// <summary>The next batch. The arrays belong to the source and are overwritten by the next call.</summary>
    (NdArray<int> Xs, NdArray<int> Ts) Next();

    /// <summary>Starts again from the first batch.</summary>
    void Reset();
}
