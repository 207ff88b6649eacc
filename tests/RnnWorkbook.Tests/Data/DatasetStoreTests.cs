using System.Security.Cryptography;
using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Data;

public sealed class DatasetStoreTests : IDisposable
{
    private const string Dataset = "sample";
    private const string FileName = "folder/blob.bin";

    private readonly TempFolder _cache = new();
    private readonly TempFolder _mirror = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly HttpClient _offline = new(new NoNetworkHandler());
    private readonly byte[] _content = Bytes(200_000, Workbook.DefaultSeed);

    public void Dispose()
    {
        _http.Dispose();
        _offline.Dispose();
        _cache.Dispose();
        _mirror.Dispose();
    }

    [Fact]
    public async Task Download_lands_verified_in_the_cache_and_reports_progress()
    {
        await using var server = Serve(_content);
        var store = Store(server.Url("/blob.bin"), mirror: null);
        var progress = new RecordingProgress();

        var path = await store.PathAsync(Dataset, FileName, progress);

        Assert.Equal(Path.Combine(_cache.Path, "sample", "folder", "blob.bin"), path);
        Assert.Equal(_content, File.ReadAllBytes(path));
        Assert.Equal([Path.Combine("sample", "folder", "blob.bin")], _cache.Files());
        Assert.Equal(1, server.Requests);

        var reports = progress.Reports;
        Assert.Equal(new DownloadProgress(0, _content.Length), reports[0]);
        Assert.Equal(new DownloadProgress(_content.Length, _content.Length), reports[^1]);
        Assert.True(reports.Count >= 3, $"expected several reports for 200,000 bytes, got {reports.Count}");
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second.Bytes > pair.First.Bytes));
    }

    [Fact]
    public async Task Second_call_uses_the_cache_without_a_request()
    {
        await using var server = Serve(_content);
        var store = Store(server.Url("/blob.bin"), mirror: null);

        var first = await store.PathAsync(Dataset, FileName);
        var progress = new RecordingProgress();
        var second = await store.PathAsync(Dataset, FileName, progress);
        var third = Store(server.Url("/blob.bin"), mirror: null).Path(Dataset, FileName);

        Assert.Equal(first, second);
        Assert.Equal(first, third);
        Assert.Equal(1, server.Requests);
        Assert.Empty(progress.Reports);
    }

    [Fact]
    public async Task Corrupt_download_is_rejected_and_leaves_no_file()
    {
        var corrupt = (byte[])_content.Clone();
        corrupt[12_345] ^= 0xFF;
        await using var server = Serve(corrupt);
        var store = Store(server.Url("/blob.bin"), mirror: null);

        var e = await Assert.ThrowsAsync<DatasetUnavailableException>(() => store.PathAsync(Dataset, FileName));

        Assert.Equal(Sha256(_content), e.ExpectedSha256);
        Assert.Equal(Sha256(corrupt), e.ActualSha256);
        Assert.Contains(Sha256(_content), e.Message);
        Assert.Contains(Sha256(corrupt), e.Message);
        Assert.Contains("sample/folder/blob.bin", e.Message);
        Assert.Contains(Path.Combine(_cache.Path, "sample", "folder", "blob.bin"), e.Message);
        Assert.Empty(_cache.Files());
    }

    [Fact]
    public async Task Oversized_download_is_rejected_and_leaves_no_file()
    {
        await using var server = Serve([.. _content, .. Bytes(100_000, seed: 7)]);
        var store = Store(server.Url("/blob.bin"), mirror: null);

        var e = await Assert.ThrowsAsync<DatasetUnavailableException>(() => store.PathAsync(Dataset, FileName));

        Assert.Contains("more than 200,000 bytes", e.Message);
        Assert.Null(e.ActualSha256);
        Assert.Empty(_cache.Files());
    }

    [Fact]
    public async Task Unreachable_server_gives_a_clear_offline_error()
    {
        var url = LoopbackServer.ClosedPortUrl("/blob.bin");
        var store = Store(url, mirror: _mirror.Path);

        var e = await Assert.ThrowsAsync<DatasetUnavailableException>(() => store.PathAsync(Dataset, FileName));

        var mirrorPath = Path.Combine(_mirror.Path, "sample", "folder", "blob.bin");
        var cachePath = Path.Combine(_cache.Path, "sample", "folder", "blob.bin");
        Assert.StartsWith($"Could not download sample/folder/blob.bin from {url}", e.Message);
        Assert.Contains($"put the file (200,000 bytes, SHA-256 {Sha256(_content)}) at {mirrorPath} or at {cachePath}.", e.Message);
        Assert.Equal(mirrorPath, e.ExpectedLocation);
        Assert.IsType<HttpRequestException>(e.InnerException);
        Assert.Empty(Directory.GetFileSystemEntries(_cache.Path));
    }

    [Fact]
    public async Task Missing_upstream_file_gives_the_status_code()
    {
        await using var server = Serve(_content);
        var store = Store(server.Url("/moved.bin"), mirror: null);

        var e = await Assert.ThrowsAsync<DatasetUnavailableException>(() => store.PathAsync(Dataset, FileName));

        Assert.Contains("the server answered 404 Not Found", e.Message);
        Assert.Equal(Path.Combine(_cache.Path, "sample", "folder", "blob.bin"), e.ExpectedLocation);
        Assert.Empty(_cache.Files());
    }

    [Fact]
    public async Task The_mirror_wins_over_the_network()
    {
        await using var server = Serve(_content);
        var mirrorPath = Put(_mirror.Path, _content);
        var progress = new RecordingProgress();

        var path = await Store(server.Url("/blob.bin"), _mirror.Path).PathAsync(Dataset, FileName, progress);

        Assert.Equal(mirrorPath, path);
        Assert.Equal(0, server.Requests);
        Assert.Empty(progress.Reports);
        Assert.Empty(_cache.Files());
    }

    [Fact]
    public async Task A_corrupt_mirror_file_is_an_error_naming_it()
    {
        await using var server = Serve(_content);
        var corrupt = Bytes(_content.Length, seed: 3);
        var mirrorPath = Put(_mirror.Path, corrupt);

        var e = await Assert.ThrowsAsync<DatasetUnavailableException>(
            () => Store(server.Url("/blob.bin"), _mirror.Path).PathAsync(Dataset, FileName));

        Assert.Equal(mirrorPath, e.ExpectedLocation);
        Assert.Equal(Sha256(corrupt), e.ActualSha256);
        Assert.Contains($"at {mirrorPath} does not match the manifest: its SHA-256 is {Sha256(corrupt)}, not the expected {Sha256(_content)}", e.Message);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public void A_mirror_file_of_the_wrong_size_is_an_error()
    {
        Put(_mirror.Path, _content[..1000]);
        var store = Store(new Uri("http://127.0.0.1:9/blob.bin"), _mirror.Path, _offline);

        var e = Assert.Throws<DatasetUnavailableException>(() => store.Path(Dataset, FileName));

        Assert.Contains("it has 1,000 bytes, not the expected 200,000", e.Message);
        Assert.Null(e.ActualSha256);
    }

    [Fact]
    public void The_hash_is_checked_once_per_file_and_again_after_the_file_changes()
    {
        var path = Put(_cache.Path, _content);
        var store = Store(new Uri("http://127.0.0.1:9/blob.bin"), mirror: null, _offline);
        Assert.Equal(path, store.Path(Dataset, FileName));

        // Same size and write time: the remembered hash stands, the file is not read again.
        var written = File.GetLastWriteTimeUtc(path);
        File.WriteAllBytes(path, Bytes(_content.Length, seed: 5));
        File.SetLastWriteTimeUtc(path, written);
        Assert.Equal(path, store.Path(Dataset, FileName));

        // A new write time: the file is hashed again and the change is found.
        File.SetLastWriteTimeUtc(path, written.AddMinutes(1));
        Assert.Throws<DatasetUnavailableException>(() => store.Path(Dataset, FileName));
    }

    [Fact]
    public void Unknown_names_are_argument_errors_listing_what_exists()
    {
        var store = Store(new Uri("http://127.0.0.1:9/blob.bin"), mirror: null, _offline);

        var dataset = Assert.Throws<ArgumentException>(() => store.Path("nope", FileName));
        var file = Assert.Throws<ArgumentException>(() => store.Path(Dataset, "nope.txt"));

        Assert.Equal("name", dataset.ParamName);
        Assert.Contains("Known datasets: sample.", dataset.Message);
        Assert.Equal("relativePath", file.ParamName);
        Assert.Contains("Its files are: folder/blob.bin.", file.Message);
    }

    [Fact]
    public void Status_reports_where_each_file_is()
    {
        var files = new[] { "in-mirror.txt", "in-cache.txt", "missing.txt", "corrupt.txt" }
            .Select(name => new DatasetFile("set", name, new Uri($"http://127.0.0.1:9/{name}"), Sha256(_content), _content.Length))
            .ToArray();
        var catalog = new DatasetCatalog([new DatasetInfo("set", "d", "l", "c", new Uri("https://example.org/"), files)]);
        Directory.CreateDirectory(Path.Combine(_mirror.Path, "set"));
        Directory.CreateDirectory(Path.Combine(_cache.Path, "set"));
        File.WriteAllBytes(Path.Combine(_mirror.Path, "set", "in-mirror.txt"), _content);
        File.WriteAllBytes(Path.Combine(_cache.Path, "set", "in-cache.txt"), _content);
        File.WriteAllBytes(Path.Combine(_cache.Path, "set", "corrupt.txt"), Bytes(_content.Length, seed: 9));

        var report = new DatasetStore(catalog, new DataLocations(_mirror.Path, _cache.Path), _offline).Status();

        Assert.Equal(
            [DataFileState.Mirror, DataFileState.Cache, DataFileState.Missing, DataFileState.Corrupt],
            report.Files.Select(f => f.State));
        Assert.Equal(
            [
                Path.Combine(_mirror.Path, "set", "in-mirror.txt"),
                Path.Combine(_cache.Path, "set", "in-cache.txt"),
                Path.Combine(_mirror.Path, "set", "missing.txt"),
                Path.Combine(_cache.Path, "set", "corrupt.txt"),
            ],
            report.Files.Select(f => f.Location));
        Assert.False(report.AllAvailable);
        Assert.Contains("not the expected", report.Files[3].Problem);
        Assert.Contains($"set/missing.txt    missing  put it at {Path.Combine(_mirror.Path, "set", "missing.txt")}", report.ToString());
    }

    private DatasetStore Store(Uri url, string? mirror, HttpClient? http = null)
    {
        var file = new DatasetFile(Dataset, FileName, url, Sha256(_content), _content.Length);
        var catalog = new DatasetCatalog([new DatasetInfo(Dataset, "d", "l", "c", new Uri("https://example.org/"), [file])]);
        return new DatasetStore(catalog, new DataLocations(mirror, _cache.Path), http ?? _http);
    }

    private static LoopbackServer Serve(byte[] content) => new(new Dictionary<string, byte[]> { ["/blob.bin"] = content });

    private static string Put(string root, byte[] content)
    {
        var path = Path.Combine(root, "sample", "folder", "blob.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static byte[] Bytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
