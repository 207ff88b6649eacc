namespace RnnWorkbook;

/// <summary>Facts about the workbook that every chapter may print.</summary>
public static class Workbook
{
    /// <summary>The seed every chapter uses unless it says otherwise, so reruns give the same numbers.</summary>
    public const int DefaultSeed = 42;
}
