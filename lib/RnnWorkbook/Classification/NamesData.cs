using RnnWorkbook.Data;
using RnnWorkbook.Vectors;

namespace RnnWorkbook.Classification;

/// <summary>A labelled text split three ways: train, validation, test.</summary>
public sealed record LabelledSplit(string[] TrainTexts, int[] TrainLabels, string[] ValidationTexts, int[] ValidationLabels,
    string[] TestTexts, int[] TestLabels);

/// <summary>
/// The names corpus as a classification task: is a first name in the female (0) or the male (1) list?
/// </summary>
/// <remarks>
/// Some names are in both lists (e.g. "Alexis", "Robin"): they have no single right answer, so they are
/// left out of every split, and <see cref="InBothLists"/> counts them. Each remaining name is one example;
/// the split is by name, stratified by label and seeded.
/// </remarks>
public static class NamesData
{
    /// <summary>Class names in label order.</summary>
    public static IReadOnlyList<string> Classes { get; } = ["female", "male"];

    /// <summary>Names that appear in both lists (compared without case).</summary>
    public static IReadOnlyList<string> InBothLists(NamesCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var male = corpus.Male.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. corpus.Female.Where(male.Contains).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
    }

    /// <summary>Train / validation / test by name, stratified, names in both lists left out.</summary>
    public static LabelledSplit Split(NamesCorpus corpus, double validationShare = 0.1, double testShare = 0.1, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var both = InBothLists(corpus).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var examples = corpus.Female.Select(n => (Name: n, Label: 0))
            .Concat(corpus.Male.Select(n => (Name: n, Label: 1)))
            .Where(e => !both.Contains(e.Name))
            .DistinctBy(e => e.Name.ToLowerInvariant())
            .ToArray();
        return LabelledSplits.ThreeWay([.. examples.Select(e => e.Name)], [.. examples.Select(e => e.Label)], validationShare, testShare, seed);
    }
}

/// <summary>Seeded, stratified three-way splits built on chapter 03's <see cref="CrossValidation"/>.</summary>
public static class LabelledSplits
{
    /// <summary>Holds out testShare for test, then validationShare (of the whole) for validation, the rest for training.</summary>
    public static LabelledSplit ThreeWay(string[] texts, int[] labels, double validationShare, double testShare, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        var (rest, test) = CrossValidation.StratifiedSplit(labels, testShare, seed);
        var restLabels = CrossValidation.Take(labels, rest);
        var (fit, choose) = CrossValidation.StratifiedSplit(restLabels, validationShare / (1 - testShare), seed);
        int[] train = [.. fit.Select(i => rest[i])], validation = [.. choose.Select(i => rest[i])];
        return new LabelledSplit(CrossValidation.Take(texts, train), CrossValidation.Take(labels, train),
            CrossValidation.Take(texts, validation), CrossValidation.Take(labels, validation),
            CrossValidation.Take(texts, test), CrossValidation.Take(labels, test));
    }

    /// <summary>Carves a validation part out of a training set (stratified, seeded); the test set stays as given.</summary>
    public static LabelledSplit WithValidation(string[] texts, int[] labels, string[] testTexts, int[] testLabels, double validationShare, int seed = Workbook.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        var (fit, choose) = CrossValidation.StratifiedSplit(labels, validationShare, seed);
        return new LabelledSplit(CrossValidation.Take(texts, fit), CrossValidation.Take(labels, fit),
            CrossValidation.Take(texts, choose), CrossValidation.Take(labels, choose), testTexts, testLabels);
    }
}
