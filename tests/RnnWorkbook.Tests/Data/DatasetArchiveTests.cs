using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Data;

/// <summary>Zip members of a verified archive, on small archives the tests build.</summary>
public sealed class DatasetArchiveTests : IDisposable
{
    private const string Body = "The/at jury/nn said/vbd ./.\n";
    private readonly TempFolder _cache = new();
    private readonly TempFolder _mirror = new();
    private readonly HttpClient _offline = new(new NoNetworkHandler());

    public void Dispose()
    {
        _offline.Dispose();
        _cache.Dispose();
        _mirror.Dispose();
    }

    [Fact]
    public void Members_are_listed_without_folders_and_read_as_text()
    {
        var store = StoreFor(BuildZip(("corpus/", null), ("corpus/a.txt", Body), ("corpus/sub/b.txt", "한국어 텍스트\n")));
        var archive = store.Archive("sample", "corpus.zip");

        Assert.Equal(["corpus/a.txt", "corpus/sub/b.txt"], archive.Members);
        Assert.Equal(Body, archive.ReadAllText("corpus/a.txt"));
        Assert.Equal("한국어 텍스트\n", archive.ReadAllText("corpus/sub/b.txt"));
        Assert.Equal(Encoding.UTF8.GetBytes(Body), archive.ReadAllBytes("corpus/a.txt"));
        Assert.Empty(_cache.Files());
    }

    [Fact]
    public void Extract_writes_the_member_into_the_cache_with_no_temporary_file_left()
    {
        var store = StoreFor(BuildZip(("corpus/a.txt", Body), ("corpus/sub/b.txt", "b\n")));
        var archive = store.Archive("sample", "corpus.zip");

        var path = archive.Extract("corpus/sub/b.txt");
        var root = archive.ExtractAll();

        Assert.Equal(Path.Combine(_cache.Path, "sample", "corpus", "corpus", "sub", "b.txt"), path);
        Assert.Equal(Path.Combine(_cache.Path, "sample", "corpus"), root);
        Assert.Equal("b\n", File.ReadAllText(path));
        Assert.Equal(
            [Path.Combine("sample", "corpus", "corpus", "a.txt"), Path.Combine("sample", "corpus", "corpus", "sub", "b.txt")],
            _cache.Files());
    }

    [Fact]
    public void Unknown_member_names_the_archive_and_suggests_similar_names()
    {
        var archive = StoreFor(BuildZip(("corpus/a.txt", Body))).Archive("sample", "corpus.zip");

        var e = Assert.Throws<ArgumentException>(() => archive.ReadAllText("a.txt"));

        Assert.Contains("sample/corpus.zip has no member 'a.txt'", e.Message);
        Assert.Contains("Did you mean corpus/a.txt?", e.Message);
        Assert.Equal("member", e.ParamName);
    }

    [Fact]
    public void Archive_that_differs_from_the_manifest_is_refused_before_any_member_is_read()
    {
        var good = BuildZip(("corpus/a.txt", Body));
        var store = StoreFor(good, mirrorBytes: BuildZip(("corpus/a.txt", Body.ToUpperInvariant())));

        var e = Assert.Throws<DatasetUnavailableException>(() => store.Archive("sample", "corpus.zip"));

        Assert.Contains("does not match the manifest", e.Message);
        Assert.Contains(Sha256(good), e.Message);
        Assert.Empty(_cache.Files());
    }

    [Fact]
    public void Damaged_member_says_so_and_leaves_nothing_in_the_cache()
    {
        // A member whose bytes no longer match its CRC-32: the manifest lists the damaged archive itself, so
        // only the member check can catch it.
        var zip = BuildZip(("corpus/a.txt", Body), ("corpus/b.txt", "intact\n"));
        var at = IndexOf(zip, Encoding.UTF8.GetBytes("jury"));
        zip[at] = (byte)'f';
        var archive = StoreFor(zip).Archive("sample", "corpus.zip");

        var read = Assert.Throws<DatasetUnavailableException>(() => archive.ReadAllText("corpus/a.txt"));
        var extract = Assert.Throws<DatasetUnavailableException>(() => archive.ExtractAll());

        Assert.Contains("sample/corpus.zip", read.Message);
        Assert.Contains("is damaged: member 'corpus/a.txt'", read.Message);
        Assert.Contains("Nothing was extracted", extract.Message);
        Assert.Empty(_cache.Files());
    }

    [Fact]
    public void File_that_is_not_a_zip_is_named_as_such()
    {
        var bytes = Encoding.ASCII.GetBytes("this is not a zip archive, only text that claims to be one");
        var archive = StoreFor(bytes).Archive("sample", "corpus.zip");

        var e = Assert.Throws<DatasetUnavailableException>(() => archive.Members);

        Assert.Contains("is damaged: it is not a readable zip archive", e.Message);
        Assert.Empty(_cache.Files());
    }

    [Fact]
    public void Crc32_matches_the_known_check_value()
    {
        var crc = new ZipCrc32();
        crc.Append("123456789"u8);
        Assert.Equal(0xCBF43926u, crc.Value);
    }

    private DatasetStore StoreFor(byte[] manifestBytes, byte[]? mirrorBytes = null)
    {
        var folder = Path.Combine(_mirror.Path, "sample");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "corpus.zip"), mirrorBytes ?? manifestBytes);
        var file = new DatasetFile("sample", "corpus.zip", new Uri("http://127.0.0.1:9/corpus.zip"), Sha256(manifestBytes), (mirrorBytes ?? manifestBytes).Length);
        var info = new DatasetInfo("sample", "a test archive", "test", "test", new Uri("http://127.0.0.1:9/"), [file]);
        return new DatasetStore(new DatasetCatalog([info]), new DataLocations(_mirror.Path, _cache.Path), _offline);
    }

    private static byte[] BuildZip(params (string Name, string? Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                if (text is null)
                    continue;
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        var at = haystack.AsSpan().IndexOf(needle);
        Assert.True(at >= 0, "the stored member's bytes should appear verbatim in the archive");
        return at;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
