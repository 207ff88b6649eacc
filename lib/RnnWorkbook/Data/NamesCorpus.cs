namespace RnnWorkbook.Data;

/// <summary>English first names by sex (Kantrowitz and Ross's names corpus): 5,001 female and 2,943 male names.</summary>
/// <param name="Female">The names of <c>names/female.txt</c>, in file order.</param>
/// <param name="Male">The names of <c>names/male.txt</c>, in file order. 365 names appear in both lists.</param>
public sealed record NamesCorpus(IReadOnlyList<string> Female, IReadOnlyList<string> Male);
