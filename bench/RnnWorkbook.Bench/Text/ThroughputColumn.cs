using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace RnnWorkbook.Bench.Text;

/// <summary>
/// Adds "Bytes" (the corpus size in UTF-8) and "MB/s" (10^6 bytes per second at the mean time) to
/// benchmarks that have a <c>Corpus</c> parameter.
/// </summary>
internal sealed class ThroughputColumn(bool megabytesPerSecond) : IColumn
{
    public string Id => megabytesPerSecond ? "Throughput.MBps" : "Throughput.Bytes";

    public string ColumnName => megabytesPerSecond ? "MB/s" : "Bytes";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => megabytesPerSecond ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => megabytesPerSecond ? "UTF-8 megabytes (10^6 bytes) processed per second at the mean time" : "Corpus size in UTF-8 bytes";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Parameters["Corpus"] is not string corpus)
        {
            return "-";
        }

        long bytes = BenchCorpora.Utf8Bytes(corpus);
        if (!megabytesPerSecond)
        {
            return bytes.ToString("N0");
        }

        double? meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return meanNanoseconds is double mean ? (bytes / (mean / 1e9) / 1e6).ToString("F1") : "NA";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
