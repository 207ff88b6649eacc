using RnnWorkbook.Text;
using RnnWorkbook.Text.Subword;

namespace RnnWorkbook.Tests.Text;

public class BpeModelTests
{
    private static readonly Lazy<BpeModel> _byteLevel = new(() =>
        new BpeTrainer(new BpeTrainerOptions { VocabularySize = 1500, SpecialTokens = ["<|endoftext|>"] }).Train(Corpora.TinyShakespeare[..100_000]));

    private static readonly Lazy<BpeModel> _sentencePiece = new(() =>
        new BpeTrainer(new BpeTrainerOptions { Mode = BpeMode.SentencePiece, VocabularySize = 1500, CharacterCoverage = 1.0, SpecialTokens = ["<bos>"] })
            .Train(Corpora.TinyShakespeare[..100_000]));

    internal static BpeModel ByteLevel => _byteLevel.Value;

    internal static BpeModel SentencePiece => _sentencePiece.Value;

    [Theory]
    [InlineData("")]
    [InlineData("First Citizen:\nBefore we proceed any further, hear me speak.")]
    [InlineData("한국어 텍스트도 바이트로 👩‍💻 e\u0301 \u0000\u0001 \r\n\t  ")]
    [InlineData("<|endoftext|>after<|endoftext|>")]
    public void Byte_level_round_trips_any_valid_string(string text) =>
        Assert.Equal(text, ByteLevel.Decode(ByteLevel.Encode(text)));

    [Fact]
    public void Byte_level_rejects_unpaired_surrogates()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => ByteLevel.Encode("ab\uD800cd"));
        Assert.Equal("text", error.ParamName);
        Assert.Contains("index 2", error.Message);
    }

    [Fact]
    public void Byte_level_pieces_show_the_space_mark() =>
        Assert.Equal("Ġthe", ByteLevel.EncodeToPieces("of the")[^1]);

    [Fact]
    public void Merge_limit_shows_segmentation_growing()
    {
        Assert.Equal(["Ġ", "t", "h", "e", "e"], ByteLevel.EncodeToPieces(" thee", mergeLimit: 0));
        IReadOnlyList<string> afterOne = ByteLevel.EncodeToPieces(" thee", mergeLimit: 1);
        string first = ByteLevel.Merges[0].Merged;
        Assert.Contains(first, afterOne);
        Assert.True(ByteLevel.EncodeToPieces(" thee").Count < afterOne.Count);
        Assert.Equal(ByteLevel.Merges.Take(5), ByteLevel.MergeTrace(5));
        Assert.Equal(ByteLevel.Merges.Count, ByteLevel.MergeTrace(1_000_000).Count);
    }

    [Fact]
    public void Tokens_carry_offsets_into_the_input()
    {
        const string text = "Good night, 한국!";
        IReadOnlyList<Token> tokens = ByteLevel.Tokenize(text);
        Assert.All(tokens, t => Assert.Equal(t.Text, text.Substring(t.Start, t.Length)));
        Assert.Equal(ByteLevel.Encode(text).Length, tokens.Count);
        Assert.Equal(0, tokens[0].Start);
        Assert.Equal(text.Length, tokens[^1].End);
        Assert.All(tokens.Zip(tokens.Skip(1)), pair => Assert.True(pair.First.Start <= pair.Second.Start && pair.First.End <= pair.Second.End));
        Assert.All(Enumerable.Range(0, text.Length), i => Assert.Contains(tokens, t => t.Start <= i && i < t.End));
    }

    [Fact]
    public void Sentence_piece_round_trips_covered_text_and_keeps_spaces_in_pieces()
    {
        const string text = "  Before we proceed,\nhear me.  ";
        Assert.Equal(text, SentencePiece.Decode(SentencePiece.Encode(text)));
        Assert.Equal("<bos>" + text, SentencePiece.Decode(SentencePiece.Encode("<bos>" + text)));
        IReadOnlyList<string> pieces = SentencePiece.EncodeToPieces("hear me");
        Assert.Equal("▁hear", pieces[0]);
        Assert.Equal("▁me", pieces[1]);
        IReadOnlyList<Token> tokens = SentencePiece.Tokenize("hear me");
        Assert.Equal([new Token("hear", 0, 4), new Token(" me", 4, 3)], tokens);
    }

    [Fact]
    public void Save_and_load_give_the_same_model()
    {
        string folder = Directory.CreateTempSubdirectory("bpe").FullName;
        try
        {
            foreach (BpeModel model in new[] { ByteLevel, SentencePiece })
            {
                string path = Path.Combine(folder, $"{model.Mode}.json");
                model.Save(path);
                BpeModel loaded = BpeModel.Load(path);
                Assert.Equal(model.Mode, loaded.Mode);
                Assert.Equal(model.Tokens, loaded.Tokens);
                Assert.Equal(model.Merges, loaded.Merges);
                const string probe = "Shall we hear him speak, my lord?";
                Assert.Equal(model.Encode(probe), loaded.Encode(probe));
            }

            Assert.Equal(2, Directory.GetFiles(folder).Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Load_rejects_inconsistent_files()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"format": "rnnworkbook-bpe", "version": 1, "mode": "ByteLevel", "specialTokenCount": 0, "tokens": ["a"], "merges": []}""");
            Assert.Throws<InvalidDataException>(() => BpeModel.Load(path));
            File.WriteAllText(path, """{"format": "other", "version": 1}""");
            Assert.Throws<InvalidDataException>(() => BpeModel.Load(path));
            File.WriteAllText(path, "[");
            Assert.Throws<InvalidDataException>(() => BpeModel.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => ByteLevel.Encode(null!));
        Assert.Throws<ArgumentNullException>(() => ByteLevel.Decode(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteLevel.Decode([ByteLevel.VocabularySize]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteLevel.EncodeToPieces("a", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ByteLevel.MergeTrace(-1));
        Assert.Throws<ArgumentException>(() => SentencePiece.Encode("\uDC00"));
        Assert.ThrowsAny<IOException>(() => BpeModel.Load("/nonexistent/model.json"));
    }
}
