namespace RnnWorkbook.Data;

/// <summary>One record of a CSV file and the line it starts on, so errors can point at it.</summary>
/// <param name="LineNumber">The 1-based line the record starts on (a quoted field may span several lines).</param>
/// <param name="Fields">The fields with quotes removed and doubled quotes undoubled.</param>
public sealed record CsvRow(int LineNumber, IReadOnlyList<string> Fields);
