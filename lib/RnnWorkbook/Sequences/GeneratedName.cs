namespace RnnWorkbook.Sequences;

/// <summary>A sampled name.</summary>
/// <param name="Name">The characters before &lt;eos&gt;.</param>
/// <param name="Truncated">True when the length limit stopped the sampling before &lt;eos&gt;.</param>
public sealed record GeneratedName(string Name, bool Truncated);
