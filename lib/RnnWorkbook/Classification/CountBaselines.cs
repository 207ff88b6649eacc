using RnnWorkbook.Vectors;

namespace RnnWorkbook.Classification;

/// <summary>Chapter 03's two count-based baselines scored on one split: naive Bayes on counts, logistic regression on TF-IDF.</summary>
/// <param name="NaiveBayes">Its test score.</param>
/// <param name="LogisticRegression">Its test score.</param>
/// <param name="Alpha">The smoothing chosen on validation (1 when not searched).</param>
/// <param name="C">The inverse regularisation chosen on validation.</param>
public sealed record BaselineScores(double NaiveBayes, double LogisticRegression, double Alpha, double C);

/// <summary>
/// Chapter 03's baselines with chapter 03's choices, so a recurrent classifier can be put next to them on
/// exactly the same split: α ∈ {0.1, 0.5, 1} and C ∈ {1, 10, 100} chosen on the validation part with
/// <see cref="ModelSelection"/> (each C warm-started from the previous one), then both refitted on train + validation
/// and scored once on test.
/// </summary>
public static class CountBaselines
{
    /// <summary>Scores both baselines; <paramref name="score"/> is accuracy or macro-F1 (labels, predictions) → number.</summary>
    /// <param name="split">Train, validation (for α and C) and test.</param>
    /// <param name="classes">K.</param>
    /// <param name="counting">How texts become terms (the same for both models).</param>
    /// <param name="score">The figure to choose by and to report.</param>
    /// <param name="searchAlpha">Choose α on validation (chapter 03 does for Korean; for polarity it keeps α = 1).</param>
    /// <param name="logisticRegression">False skips logistic regression (its score is NaN): the costly half on large n-gram vocabularies.</param>
    public static BaselineScores Score(LabelledSplit split, int classes, CountVectorizerOptions counting, Func<int[], int[], double> score,
        bool searchAlpha = true, bool logisticRegression = true)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(counting);
        ArgumentNullException.ThrowIfNull(score);
        var counts = new CountVectorizer(counting);
        var cTrain = counts.FitTransform(split.TrainTexts);
        var cChoose = counts.Transform(split.ValidationTexts);
        double alpha = searchAlpha
            ? ModelSelection.ChooseAlpha(cTrain, split.TrainLabels, cChoose, split.ValidationLabels, classes, ModelSelection.AlphaGrid, score)
            : 1.0;
        string[] all = [.. split.TrainTexts, .. split.ValidationTexts];
        int[] yAll = [.. split.TrainLabels, .. split.ValidationLabels];
        var finalCounts = new CountVectorizer(counting);
        var nb = new MultinomialNaiveBayes(alpha).Fit(finalCounts.FitTransform(all), yAll, classes);
        double nbScore = score(split.TestLabels, nb.Predict(finalCounts.Transform(split.TestTexts)));
        if (!logisticRegression)
        {
            return new BaselineScores(nbScore, double.NaN, alpha, double.NaN);
        }

        var tfidf = new TfidfVectorizer(counting);
        var xTrain = tfidf.FitTransform(split.TrainTexts);
        var xChoose = tfidf.Transform(split.ValidationTexts);
        double c = ModelSelection.ChooseC(xTrain, split.TrainLabels, xChoose, split.ValidationLabels, classes, ModelSelection.CGrid, score).C;

        var finalTfidf = new TfidfVectorizer(counting);
        var lr = new LogisticRegression(c).Fit(finalTfidf.FitTransform(all), yAll, classes);
        return new BaselineScores(nbScore, score(split.TestLabels, lr.Predict(finalTfidf.Transform(split.TestTexts))), alpha, c);
    }
}
