namespace RnnWorkbook.Sequences;

/// <summary>A first name with its label (0 female, 1 male in <see cref="NameData"/>).</summary>
/// <param name="Name">The name as listed, e.g. "Abagael".</param>
/// <param name="Label">The label id.</param>
public sealed record NameExample(string Name, int Label);
