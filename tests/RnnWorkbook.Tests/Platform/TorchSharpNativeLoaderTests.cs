using RnnWorkbook.Platform;
using TorchSharp;

namespace RnnWorkbook.Tests.Platform;

public sealed class TorchSharpNativeLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rnnworkbook-loader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [LinuxFact]
    public void LoadsTheAdaptedCopyBesideTheLibraryBeforeTorchSharpProbes()
    {
        TorchSharpNative.EnsureLoaded();

        var outcome = TorchSharpNativeLoader.Preload(typeof(torch).Assembly);

        // In an app's output folder libtorch sits beside the copy; under .NET Interactive it comes from the NuGet package.
        Assert.Equal($"Loaded {TorchSharpPackage.OutputCopy} with libtorch from {Path.GetDirectoryName(TorchSharpPackage.OutputCopy)}.", outcome);
        Assert.Contains(TorchSharpPackage.OutputCopy, File.ReadAllText("/proc/self/maps"));
    }

    [Fact]
    public void ReadsTheLibTorchVersionTheLibraryWasBuiltWith()
    {
        var deps = Path.Combine(AppContext.BaseDirectory, "RnnWorkbook.Tests.deps.json");

        Assert.Equal("2.10.0", TorchSharpNativeLoader.LibTorchVersion(deps));
    }

    [Fact]
    public void LibTorchVersionIsNullWithoutTheFileOrThePackage()
    {
        var deps = Path.Combine(_folder, "Some.deps.json");
        File.WriteAllText(deps, """{ "libraries": { "TorchSharp/0.107.0": { "type": "package" } } }""");

        Assert.Null(TorchSharpNativeLoader.LibTorchVersion(deps));
        Assert.Null(TorchSharpNativeLoader.LibTorchVersion(Path.Combine(_folder, "missing.deps.json")));
    }
}
