namespace RnnWorkbook.Embeddings;

/// <summary>Accuracy on one section of the analogy questions.</summary>
/// <param name="Section">The section name, e.g. "capital-common-countries".</param>
/// <param name="Correct">Questions answered with the expected word.</param>
/// <param name="Answered">Questions whose four words are all among the words searched.</param>
/// <param name="Total">All questions of the section.</param>
public sealed record AnalogySection(string Section, int Correct, int Answered, int Total)
{
    /// <summary>Correct / Answered (gensim's score), 0 when nothing was answered.</summary>
    public double Accuracy => Answered == 0 ? 0 : (double)Correct / Answered;
}

/// <summary>The analogy benchmark by section, with the semantic and syntactic totals.</summary>
public sealed record AnalogyScore(IReadOnlyList<AnalogySection> Sections, int RestrictTo)
{
    /// <summary>The five semantic sections together.</summary>
    public AnalogySection Semantic => Sum("semantic", Sections.Where(s => !s.Section.StartsWith("gram", StringComparison.Ordinal)));

    /// <summary>The nine syntactic sections (gram1 … gram9) together.</summary>
    public AnalogySection Syntactic => Sum("syntactic", Sections.Where(s => s.Section.StartsWith("gram", StringComparison.Ordinal)));

    /// <summary>All sections.</summary>
    public AnalogySection Overall => Sum("all", Sections);

    /// <inheritdoc/>
    public override string ToString() =>
        $"analogies (3CosAdd over the {RestrictTo:N0} most frequent words): semantic {Semantic.Accuracy:P1}, syntactic {Syntactic.Accuracy:P1}, " +
        $"all {Overall.Accuracy:P1} of {Overall.Answered:N0} answerable ({Overall.Answered / (double)Math.Max(1, Overall.Total):P0} of {Overall.Total:N0})";

    private static AnalogySection Sum(string name, IEnumerable<AnalogySection> sections)
    {
        var list = sections.ToList();
        return new AnalogySection(name, list.Sum(s => s.Correct), list.Sum(s => s.Answered), list.Sum(s => s.Total));
    }
}
