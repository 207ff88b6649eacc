using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Data;

public sealed class DatasetCatalogTests
{
    [Fact]
    public void The_embedded_manifest_lists_the_corpora_and_their_files()
    {
        var catalog = DatasetCatalog.Default;

        Assert.Equal(["tinyshakespeare", "chatbot-ko", "wikitext-2", "nltk", "word-similarity", "korean-hate-speech"], catalog.Datasets.Select(d => d.Name));
        Assert.Equal(
            ["tinyshakespeare/input.txt", "chatbot-ko/ChatbotData.csv", "chatbot-ko/LICENSE",
             "wikitext-2/valid.txt", "wikitext-2/test.txt", "wikitext-2/README",
             "nltk/brown.zip", "nltk/movie_reviews.zip", "nltk/sentence_polarity.zip", "nltk/names.zip",
             "nltk/cmudict.zip", "nltk/conll2000.zip", "nltk/universal_tagset.zip",
             "word-similarity/wordsim353.tsv", "word-similarity/simlex999.txt", "word-similarity/questions-words.txt",
             "korean-hate-speech/train.tsv", "korean-hate-speech/dev.tsv", "korean-hate-speech/unlabeled_comments_5.txt",
             "korean-hate-speech/LICENSE.md"],
            catalog.Files.Select(f => f.DisplayName));
        Assert.Equal(
            new Uri("https://raw.githubusercontent.com/nltk/nltk_data/gh-pages/packages/taggers/universal_tagset.zip"),
            catalog.File("nltk", "universal_tagset.zip").Url);
        Assert.Equal("9b275f9b3b95d7bd66ccfb7cd259f445a13bbe5d1f4107aba09fd3e8364bafa6", catalog.File("nltk", "brown.zip").Sha256);

        var shakespeare = catalog.File("tinyshakespeare", "input.txt");
        Assert.Equal("86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed", shakespeare.Sha256);
        Assert.Equal(1_115_394, shakespeare.Size);
        Assert.Equal(
            new Uri("https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt"),
            shakespeare.Url);
        Assert.Contains("Merity", catalog["wikitext-2"].Citation);
        Assert.Contains("songys/Chatbot_data", catalog["chatbot-ko"].Citation);
        Assert.StartsWith("MIT", catalog["chatbot-ko"].Licence);
    }

    [Fact]
    public void The_embedded_manifest_is_the_one_in_the_repository()
    {
        var onDisk = DatasetCatalog.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "data", "datasets.json")));

        Assert.Equal(onDisk.Files, DatasetCatalog.Default.Files);
    }

    [Fact]
    public void The_short_API_uses_the_embedded_catalog()
    {
        Assert.Same(DatasetCatalog.Default, Datasets.Catalog);
    }

    [Fact]
    public void A_manifest_entry_without_a_checksum_is_rejected_by_name()
    {
        const string json = """
            { "datasets": [ { "name": "s", "description": "d", "licence": "l", "citation": "c",
              "homepage": "https://example.org/", "files": [ { "path": "x.txt", "url": "https://example.org/x.txt", "size": 3 } ] } ] }
            """;

        var e = Assert.Throws<InvalidDataException>(() => DatasetCatalog.Parse(json));

        Assert.Equal("datasets.json: s/x.txt needs a string 'sha256'.", e.Message);
    }

    [Fact]
    public void Two_datasets_with_one_name_are_rejected()
    {
        var info = new DatasetInfo("twin", "d", "l", "c", new Uri("https://example.org/"), []);

        var e = Assert.Throws<ArgumentException>(() => new DatasetCatalog([info, info]));

        Assert.Equal("datasets", e.ParamName);
    }
}
