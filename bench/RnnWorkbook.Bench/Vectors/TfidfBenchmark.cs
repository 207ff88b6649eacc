using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using RnnWorkbook.Data;
using RnnWorkbook.Vectors;

namespace RnnWorkbook.Bench.Vectors;

/// <summary>
/// TF-IDF fit and transform of the 2,000 movie reviews (7.8 MB): the course's <see cref="TfidfVectorizer"/>
/// (word unigrams, smoothed idf, L2 rows, a CSR matrix) against ML.NET's text featurization set up for the
/// same job (lowercase, word unigrams weighted by TF-IDF, L2 rows; no char n-grams, no stop-word removal),
/// fitted and then read to the last row in the same run. The Ratio column is ours relative to ML.NET
/// (below 1 is faster); MB/s is the reviews' UTF-8 size over the mean time.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class TfidfBenchmark
{
    private static readonly Lazy<string[]> _reviews = new(() => Nltk.MovieReviews().Select(r => r.Text).ToArray());

    private MLContext _ml = null!;
    private IDataView _data = null!;
    private EstimatorChain<ITransformer> _pipeline = null!;

    /// <summary>The reviews' size in UTF-8 bytes.</summary>
    public static long Bytes => _reviews.Value.Sum(r => (long)Encoding.UTF8.GetByteCount(r));

    [GlobalSetup]
    public void Setup()
    {
        _ml = new MLContext(seed: Workbook.DefaultSeed);
        _data = _ml.Data.LoadFromEnumerable(_reviews.Value.Select(t => new Review { Text = t }));
        var options = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = true,
            KeepPunctuations = true,
            KeepNumbers = true,
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1, UseAllLengths = false, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
            CharFeatureExtractor = null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        _pipeline = new EstimatorChain<ITransformer>().Append(_ml.Transforms.Text.FeaturizeText("Features", options, nameof(Review.Text)));
    }

    [Benchmark(Baseline = true)]
    public long MlNetFeaturizeText()
    {
        var transformed = _pipeline.Fit(_data).Transform(_data);
        long stored = 0;
        var column = transformed.Schema["Features"];
        using var cursor = transformed.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var row = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getter(ref row);
            stored += row.GetValues().Length;
        }

        return stored;
    }

    [Benchmark]
    public long RnnWorkbookTfidf() => new TfidfVectorizer().FitTransform(_reviews.Value).NonZeros;

    private sealed class Review
    {
        public string Text { get; set; } = "";
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new Throughput());
    }

    private sealed class Throughput : IColumn
    {
        public string Id => "Vectors.MBps";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "UTF-8 megabytes (10^6 bytes) of movie reviews fitted and transformed per second at the mean time";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            summary[benchmarkCase]?.ResultStatistics?.Mean is double mean ? (Bytes / (mean / 1e9) / 1e6).ToString("F1") : "NA";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
