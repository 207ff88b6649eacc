using System.Text;
using BenchmarkDotNet.Attributes;
using RnnWorkbook.Text.Normalization;
using RnnWorkbook.Text.Tokenizers;

namespace RnnWorkbook.Bench.Text;

/// <summary>
/// Throughput of chapter 1's normalization pipeline (NFKC, URL/e-mail/phone/date cleaners, lowercase,
/// punctuation removal, white-space collapsing) and of the word tokenizer on a whole corpus.
/// </summary>
[Config(typeof(ThroughputConfig))]
[MemoryDiagnoser]
public class PreprocessingBenchmark
{
    private readonly TextNormalizer _normalizer = new(
        new UnicodeNormalizationStep(NormalizationForm.FormKC), new UrlCleanerStep(), new EmailCleanerStep(), new PhoneCleanerStep(),
        new DateCleanerStep(), new LowercaseStep(), new PunctuationRemovalStep(replaceWithSpace: true), new WhiteSpaceCollapseStep(keepLineBreaks: true));

    private readonly WordTokenizer _words = new();
    private string _text = "";

    [Params(BenchCorpora.Chatbot, BenchCorpora.WikiText)]
    public string Corpus { get; set; } = BenchCorpora.Chatbot;

    [GlobalSetup]
    public void Setup() => _text = BenchCorpora.Text(Corpus);

    [Benchmark]
    public int Normalize() => _normalizer.Normalize(_text).Length;

    [Benchmark]
    public int WordTokenize() => _words.Tokenize(_text).Count;
}
