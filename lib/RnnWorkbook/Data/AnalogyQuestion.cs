namespace RnnWorkbook.Data;

/// <summary>One question of the Google analogy set, "A is to B as C is to D" (Athens Greece Baghdad Iraq).</summary>
/// <param name="Section">The section it belongs to, e.g. "capital-common-countries" or "gram3-comparative".</param>
/// <param name="A">The first word.</param>
/// <param name="B">The word A relates to.</param>
/// <param name="C">The third word.</param>
/// <param name="D">The expected answer: the word C relates to as A relates to B.</param>
public sealed record AnalogyQuestion(string Section, string A, string B, string C, string D)
{
    /// <summary>Whether the question tests syntax (sections named <c>gram...</c>) rather than meaning.</summary>
    public bool IsSyntactic => Section.StartsWith("gram", StringComparison.Ordinal);
}
