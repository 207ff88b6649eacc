namespace RnnWorkbook.Notebook.Execution;

/// <summary>
/// A cell's C# code after the engine took out what it handles itself. Removed lines are left blank, so
/// line numbers in compiler messages still match the cell.
/// </summary>
public sealed record PreparedCell(string Code, IReadOnlyList<PackageReference> Packages, bool Time);
