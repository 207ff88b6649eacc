using RnnWorkbook.Scratch;

namespace RnnWorkbook.Tests.Scratch;

public sealed class ExamplesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rnnworkbook-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Tokens_end_each_line_with_eos_and_rare_words_become_unk()
    {
        string path = Write("a.txt", " the cat sat \n\n the dog sat on the cat \n");

        var tokens = WordVocabulary.ReadTokens(path);
        var vocabulary = new WordVocabulary(tokens, maxSize: 4);

        Assert.Equal(["the", "cat", "sat", "<eos>", "<eos>", "the", "dog", "sat", "on", "the", "cat", "<eos>"], tokens);
        // the ×3, <eos> ×3 (seen after the), cat ×2 and sat ×2 tie: cat was seen first.
        Assert.Equal(["<unk>", "the", "<eos>", "cat"], vocabulary.Words);
        Assert.Equal([1, 0, 0, 3], vocabulary.Encode(["the", "dog", "sat", "cat"]));
    }

    [Fact]
    public void WikiText_run_trains_and_measures_test_perplexity_end_to_end()
    {
        string line = " the cat sat on the mat . \n";
        string train = Write("train.txt", string.Concat(Enumerable.Repeat(line, 60)));
        string test = Write("test.txt", string.Concat(Enumerable.Repeat(line, 20)));

        var result = WikiTextRnnLm.Run(train, test, epochs: 3, vocabularySize: 50, batchSize: 2, timeSize: 5, hiddenSize: 16, learningRate: 0.05);

        Assert.Equal(8, result.VocabularySize); // <unk>, the, cat, sat, on, mat, ".", <eos>
        Assert.Equal(60 * 8, result.TrainTokens);
        Assert.Equal(3, result.History.HeldOutPerplexity.Count);
        Assert.InRange(result.TestPerplexity, 1, 1.5); // a repeated sentence becomes predictable
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
