using BenchmarkDotNet.Attributes;
using Microsoft.ML.Tokenizers;
using RnnWorkbook.Text.Subword;

namespace RnnWorkbook.Bench.Text;

/// <summary>
/// One long piece: Tiny Shakespeare's first letters with everything else removed, so cl100k's pre-tokenizer
/// yields a single piece and the merge runs on its heap path (pieces over 128 bytes). The course's
/// <see cref="Cl100kTokenizer"/> against Microsoft.ML.Tokenizers (the baseline) in the same run; the ratio
/// is the figure to compare between versions of the merge loop.
/// </summary>
[MemoryDiagnoser]
public class Cl100kLongPieceBenchmark
{
    private TiktokenTokenizer _reference = null!;
    private Cl100kTokenizer _ours = null!;
    private string _text = "";

    [Params(2_000, 20_000)]
    public int Letters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = new string(BenchCorpora.Text(BenchCorpora.TinyShakespeare).Where(char.IsAsciiLetter).Take(Letters).ToArray());
        _reference = TiktokenTokenizer.CreateForModel("gpt-4");
        _ours = new Cl100kTokenizer();
        if (!_reference.EncodeToIds(_text).SequenceEqual(_ours.Encode(_text)))
        {
            throw new InvalidOperationException("The two tokenizers disagree on the long piece.");
        }
    }

    [Benchmark(Baseline = true)]
    public int MicrosoftMLTokenizers() => _reference.EncodeToIds(_text).Count;

    [Benchmark]
    public int RnnWorkbook() => _ours.Encode(_text).Length;
}
