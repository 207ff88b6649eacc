using BenchmarkDotNet.Attributes;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Bench.Rnn;

/// <summary>
/// One training step of the scratch language model at the WikiText-2 settings of the chapter (V = 10 000,
/// D = H = 100, B = 20, T = 35): batch, forward, backward, clipping, Adam. The Allocated column should be
/// (close to) zero: every buffer is made during warm-up and reused.
/// </summary>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private const int V = 10_000, D = 100, H = 100, B = 20, T = 35;

    private TbpttBatcher _batches = null!;
    private Trainer<float> _trainer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(Workbook.DefaultSeed);
        int[] corpus = [.. Enumerable.Range(0, 200_000).Select(_ => random.Next(V))];
        _batches = new TbpttBatcher(corpus, B, T);
        var model = new SimpleRnnLm<float>(V, D, H);
        _trainer = new Trainer<float>(model, new Adam<float>(0.001)) { MaxGradNorm = 0.25 };
    }

    [Benchmark]
    public double TrainingStep()
    {
        var (xs, ts) = _batches.Next();
        return _trainer.Step(xs, ts);
    }
}
