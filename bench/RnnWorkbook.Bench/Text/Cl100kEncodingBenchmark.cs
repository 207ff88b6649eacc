using BenchmarkDotNet.Attributes;
using Microsoft.ML.Tokenizers;
using RnnWorkbook.Text.Subword;

namespace RnnWorkbook.Bench.Text;

/// <summary>
/// cl100k_base encoding of a whole corpus: the course's <see cref="Cl100kTokenizer"/> against
/// Microsoft.ML.Tokenizers' TiktokenTokenizer (the baseline) in the same run. Both produce the same ids
/// (checked in the tests); the Ratio column is ours relative to theirs (below 1 is faster), and MB/s
/// is computed from the corpus's UTF-8 size.
/// </summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class Cl100kEncodingBenchmark
{
    private TiktokenTokenizer _reference = null!;
    private Cl100kTokenizer _ours = null!;
    private string _text = "";

    [Params(BenchCorpora.TinyShakespeare, BenchCorpora.WikiText, BenchCorpora.Chatbot)]
    public string Corpus { get; set; } = BenchCorpora.TinyShakespeare;

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchCorpora.Text(Corpus);
        _reference = TiktokenTokenizer.CreateForModel("gpt-4");
        _ours = new Cl100kTokenizer();
        if (!_reference.EncodeToIds(_text).SequenceEqual(_ours.Encode(_text)))
        {
            throw new InvalidOperationException($"The two tokenizers disagree on {Corpus}.");
        }
    }

    [Benchmark(Baseline = true)]
    public int MicrosoftMLTokenizers() => _reference.EncodeToIds(_text).Count;

    [Benchmark]
    public int RnnWorkbook() => _ours.Encode(_text).Length;
}
