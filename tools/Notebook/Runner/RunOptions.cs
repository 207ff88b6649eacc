namespace RnnWorkbook.Notebook.Runner;

/// <summary>How the headless runner runs notebooks.</summary>
/// <param name="CellTimeout">A cell running longer than this ends the run; null waits forever.</param>
/// <param name="OutputDirectory">Where executed copies go; null with <paramref name="InPlace"/> false means the default folder.</param>
/// <param name="InPlace">Write outputs into the notebook files themselves.</param>
/// <param name="FailFast">Stop after the first notebook that fails.</param>
/// <param name="Parameters">Values for the notebook's <c>parameters</c> cell (name, C# expression), injected after it.</param>
public sealed record RunOptions(
    TimeSpan? CellTimeout = null,
    string? OutputDirectory = null,
    bool InPlace = false,
    bool FailFast = false,
    IReadOnlyList<KeyValuePair<string, string>>? Parameters = null)
{
    public const string DefaultOutputDirectory = "artifacts/notebooks";
}
