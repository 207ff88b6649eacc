using RnnWorkbook.Vectors;

namespace RnnWorkbook.Classification;

/// <summary>Precision, recall and F1 of one class, and how many test texts carry it.</summary>
public sealed record ClassScores(string Class, double Precision, double Recall, double F1, int Support);

/// <summary>A wrong prediction and how sure the model was of it.</summary>
public sealed record Mistake(string Text, string Label, string Predicted, double Confidence);

/// <summary>A figure over several seeds: mean ± sample standard deviation.</summary>
public sealed record MeanStd(double Mean, double Std, int Runs)
{
    /// <summary>The mean and sample standard deviation (n − 1) of the values.</summary>
    public static MeanStd Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("values: no runs to summarise.", nameof(values));
        }

        double mean = values.Average();
        double std = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new MeanStd(mean, std, values.Count);
    }

    /// <summary>"0.781 ± 0.012 (3 runs)".</summary>
    public override string ToString() => $"{Mean:F3} ± {Std:F3} ({Runs} run{(Runs == 1 ? "" : "s")})";
}

/// <summary>
/// The scores of a classifier on a test split (평가): accuracy, macro-F1, the confusion matrix (rows: true
/// class, columns: predicted) and per-class precision and recall.
/// </summary>
public sealed record Evaluation(double Accuracy, double MacroF1, int[,] Confusion, IReadOnlyList<ClassScores> PerClass)
{
    /// <summary>Scores predictions against labels; class names in label order.</summary>
    /// <exception cref="ArgumentException">Counts differ or a label is outside the set.</exception>
    public static Evaluation Of(IReadOnlyList<int> labels, IReadOnlyList<int> predictions, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        int k = classNames.Count;
        var y = ClassLabels.Require(labels, k, labels.Count);
        var p = ClassLabels.Require(predictions, k, y.Length);
        var confusion = Metrics.ConfusionMatrix(y, p, k);
        var perClass = new List<ClassScores>();
        for (int c = 0; c < k; c++)
        {
            int tp = confusion[c, c], predicted = 0, actual = 0;
            for (int j = 0; j < k; j++)
            {
                predicted += confusion[j, c];
                actual += confusion[c, j];
            }

            double precision = predicted == 0 ? 0 : (double)tp / predicted, recall = actual == 0 ? 0 : (double)tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassScores(classNames[c], Math.Round(precision, 4), Math.Round(recall, 4), Math.Round(f1, 4), actual));
        }

        return new Evaluation(Metrics.Accuracy(y, p), Metrics.MacroF1(y, p, k), confusion, perClass);
    }

    /// <summary>The most probable class of each row of probabilities (N, K); ties go to the lower class.</summary>
    public static int[] ArgMax(float[,] probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var best = new int[probabilities.GetLength(0)];
        for (int n = 0; n < best.Length; n++)
        {
            for (int c = 1; c < probabilities.GetLength(1); c++)
            {
                if (probabilities[n, c] > probabilities[n, best[n]])
                {
                    best[n] = c;
                }
            }
        }

        return best;
    }

    /// <summary>The wrong predictions the model was surest of, most confident first.</summary>
    public static IReadOnlyList<Mistake> MostConfidentMistakes(IReadOnlyList<string> texts, IReadOnlyList<int> labels, float[,] probabilities,
        IReadOnlyList<string> classNames, int count = 5)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        var predicted = ArgMax(probabilities);
        return [.. Enumerable.Range(0, texts.Count)
            .Where(i => predicted[i] != labels[i])
            .OrderByDescending(i => probabilities[i, predicted[i]]).ThenBy(i => i)
            .Take(count)
            .Select(i => new Mistake(texts[i], classNames[labels[i]], classNames[predicted[i]], Math.Round(probabilities[i, predicted[i]], 3)))];
    }
}
