using BenchmarkDotNet.Configs;

namespace RnnWorkbook.Bench.Text;

/// <summary>Benchmark configuration that shows corpus bytes and MB/s next to the timings.</summary>
internal sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(new ThroughputColumn(megabytesPerSecond: false), new ThroughputColumn(megabytesPerSecond: true));
    }
}
