using RnnWorkbook.Platform;
using TorchSharp;

namespace RnnWorkbook.Tests.Platform;

public sealed class TorchSharpNativeLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rnnworkbook-loader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [LinuxFact]
    public void LeavesAnApplicationThatShipsTheNativeLibraryToTorchSharp()
    {
        TorchSharpNative.EnsureLoaded();

        var outcome = TorchSharpNativeLoader.Preload(typeof(torch).Assembly);

        // The test host is such an application; under .NET Interactive the copy beside RnnWorkbook.dll is loaded
        // (the nbclient harness over the real .NET Interactive kernel shows that).
        var folder = Path.GetDirectoryName(TorchSharpPackage.OutputCopy);
        Assert.Equal($"This application ships TorchSharp's native library in {folder}; TorchSharp loads that one.", outcome);
        // LibTorch itself may map from the NuGet cache (output folders link to it off Windows); the adapted
        // libLibTorchSharp.so is the output's own file, and no other copy of it is loaded.
        var loaded = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6 && fields[5].EndsWith("/libLibTorchSharp.so", StringComparison.Ordinal))
            .Select(fields => fields[5])
            .Distinct();
        Assert.Equal([TorchSharpPackage.OutputCopy], loaded);
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
