namespace RnnWorkbook.Scratch;

/// <summary>The gated recurrent layer of a <see cref="GatedLm{T}"/>.</summary>
public enum RecurrentKind
{
    /// <summary><see cref="TimeLstm{T}"/>: cell state and three gates, W_x (D, 4H).</summary>
    Lstm,

    /// <summary><see cref="TimeGru{T}"/>: update and reset gates, W_x (D, 3H).</summary>
    Gru,
}
