namespace RnnWorkbook.Sequences;

/// <summary>The tags of one input, and the tokens the model had no id for (read as &lt;unk&gt;).</summary>
/// <param name="Tags">One tag per token.</param>
/// <param name="UnknownTokens">The tokens outside the model's vocabulary (alphabet), in order of appearance; empty when all are known.</param>
public sealed record TaggingResult(IReadOnlyList<string> Tags, IReadOnlyList<string> UnknownTokens);
