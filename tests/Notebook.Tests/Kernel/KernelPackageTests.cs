namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary>
/// In the kernel, <c>#r "nuget: ..."</c> restores packages outside the workbook's set into a cache; the set
/// keeps the runner's version check. Newtonsoft.Json 13.0.3 is small and already in the local NuGet cache.
/// </summary>
public sealed class KernelPackageTests : IAsyncLifetime
{
    private TempFolder _cache = null!;
    private TestKernel _kernel = null!;

    public Task InitializeAsync()
    {
        _cache = new TempFolder();
        _kernel = new TestKernel(_cache.Path);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _kernel.DisposeAsync();
        _cache.Dispose();
    }

    [Fact]
    public async Task A_package_outside_the_set_is_restored_into_the_cache_and_loads()
    {
        var run = _kernel.Client.Execute(
            "#r \"nuget: Newtonsoft.Json, 13.0.3\"\nNewtonsoft.Json.JsonConvert.SerializeObject(new { a = 1, b = new[] { \"x\" } })",
            timeout: TimeSpan.FromSeconds(120));

        Assert.True(run.Status == "ok", run.Reply.Content.ToJsonString());
        Assert.Equal("{\"a\":1,\"b\":[\"x\"]}", Assert.Single(run.OfType("execute_result")).Content["data"]!["text/plain"]!.GetValue<string>());
        var restored = Path.Combine(_cache.Path, "newtonsoft.json", "13.0.3", "Newtonsoft.Json.dll");
        Assert.True(File.Exists(restored), restored);
        Assert.Empty(Directory.GetDirectories(_cache.Path, ".restore-*"));

        // A second kernel finds the package in the cache and loads it without restoring again.
        await using var second = new TestKernel(_cache.Path);
        var written = File.GetLastWriteTimeUtc(restored);
        var again = second.Client.Execute("#r \"nuget: Newtonsoft.Json, 13.0.3\"\nNewtonsoft.Json.JsonConvert.ToString(true)");
        Assert.Equal("true", Assert.Single(again.OfType("execute_result")).Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.DoesNotContain("restoring", second.LogText);
        Assert.Equal(written, File.GetLastWriteTimeUtc(restored));
    }

    [Fact]
    public void Packages_of_the_set_keep_the_version_check()
    {
        var run = _kernel.Client.Execute("#r \"nuget: TorchSharp-cpu, 0.105.0\"");

        Assert.Equal("error", run.Status);
        Assert.Contains("uses TorchSharp-cpu 0.107.0", run.Reply.Content["evalue"]!.GetValue<string>());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_cache.Path));
    }

    [Theory]
    [InlineData("#r \"nuget: Some.Package\"", "name the version to restore")]
    [InlineData("#r \"nuget: ../../etc, 1.0.0\"", "is not a NuGet package id")]
    [InlineData("#r \"nuget: Some.Package, 1.0 /><Evil\"", "'1.0 /><Evil' is not a NuGet version")]
    public void Bad_references_outside_the_set_fail_with_a_clear_message(string line, string expected)
    {
        var run = _kernel.Client.Execute(line);

        Assert.Equal("error", run.Status);
        Assert.Contains(expected, run.Reply.Content["evalue"]!.GetValue<string>());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_cache.Path));
    }
}
