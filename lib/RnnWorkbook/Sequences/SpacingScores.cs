namespace RnnWorkbook.Sequences;

/// <summary>How well spaces were restored: precision, recall and F1 over the gaps between characters, and whole lines.</summary>
/// <param name="GoldSpaces">Spaces in the original lines.</param>
/// <param name="PredictedSpaces">Spaces the model put.</param>
/// <param name="CorrectSpaces">Predicted spaces that are in the original.</param>
/// <param name="Lines">Lines scored.</param>
/// <param name="CorrectLines">Lines restored exactly.</param>
public sealed record SpacingScores(long GoldSpaces, long PredictedSpaces, long CorrectSpaces, int Lines, int CorrectLines)
{
    /// <summary>Share of predicted spaces that are right.</summary>
    public double Precision => PredictedSpaces == 0 ? 0 : (double)CorrectSpaces / PredictedSpaces;

    /// <summary>Share of original spaces found.</summary>
    public double Recall => GoldSpaces == 0 ? 0 : (double)CorrectSpaces / GoldSpaces;

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Share of lines restored exactly (sentence-level accuracy).</summary>
    public double LineAccuracy => Lines == 0 ? double.NaN : (double)CorrectLines / Lines;
}
