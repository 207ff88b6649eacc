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

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
