using BenchmarkDotNet.Attributes;
using RnnWorkbook.Text.Subword;

namespace RnnWorkbook.Bench.Text;

/// <summary>Byte-level BPE training to an 8,000-token vocabulary on Tiny Shakespeare (target: under 2 s).</summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class BpeTrainingBenchmark
{
    private string _text = "";

    [Params(BenchCorpora.TinyShakespeare)]
    public string Corpus { get; set; } = BenchCorpora.TinyShakespeare;

    [Params(BpeMode.ByteLevel, BpeMode.SentencePiece)]
    public BpeMode Mode { get; set; }

    [GlobalSetup]
    public void Setup() => _text = BenchCorpora.Text(Corpus);

    [Benchmark]
    public int Train8000() =>
        new BpeTrainer(new BpeTrainerOptions { VocabularySize = 8000, Mode = Mode }).Train(_text).Merges.Count;
}
