namespace RnnWorkbook.Data;

/// <summary>The sentiment label of a review or snippet (감성 극성).</summary>
public enum Polarity
{
    /// <summary>A negative review (부정).</summary>
    Negative = 0,

    /// <summary>A positive review (긍정).</summary>
    Positive = 1,
}
