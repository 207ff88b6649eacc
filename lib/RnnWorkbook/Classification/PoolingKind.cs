namespace RnnWorkbook.Classification;

/// <summary>What a classifier reads of the hidden states hs (B, T, H): one vector per text.</summary>
public enum PoolingKind
{
    /// <summary>h at the text's last real step, h_{len−1}: what the LSTM has read after the whole text.</summary>
    LastStep,

    /// <summary>The mean of h over the real steps.</summary>
    Mean,

    /// <summary>The largest value of each hidden unit over the real steps.</summary>
    Max,
}
