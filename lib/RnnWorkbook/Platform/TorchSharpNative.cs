using TorchSharp;

namespace RnnWorkbook.Platform;

/// <summary>
/// Checks that TorchSharp's native library loads on this host, and explains why when it does not. TorchSharp
/// 0.107.0's libLibTorchSharp.so asks for GLIBCXX_3.4.32, which older Linux hosts lack; the build marks such
/// versions weak in each project's output copy (build/TorchSharpCompat.targets), the library loads its own copy
/// first (<see cref="TorchSharpNativeLoader"/>), and this class reports on it.
/// </summary>
public static class TorchSharpNative
{
    private const string NativeFileName = "libLibTorchSharp.so";

    /// <summary>Tries TorchSharp, then reads the host's libstdc++ and the native library's version needs.</summary>
    public static TorchSharpNativeReport Describe()
    {
        TorchSharpNativeLoader.Preload(typeof(torch).Assembly);
        // Try TorchSharp first, so that the native library, if it loads, shows in /proc/self/maps.
        var error = TryCompute();
        if (!OperatingSystem.IsLinux())
            return new TorchSharpNativeReport(null, null, null, [], [], [], error is null, error);

        var host = HostLibStdCxx.Find();
        var hostVersions = host is null ? [] : HostLibStdCxx.GlibcxxVersions(host);
        var native = NativeLibraryPath();
        var needs = File.Exists(native)
            ? ElfVersionNeeds.Read(native).Where(need => HostLibStdCxx.IsGlibcxx(need.VersionName)).ToList()
            : [];
        var required = needs.Select(need => need.VersionName).Distinct().Order(VersionComparer.Instance).ToList();
        var weak = needs.Where(need => need.IsWeak).Select(need => need.VersionName).Distinct().Order(VersionComparer.Instance).ToList();
        var missing = host is null ? required : required.Except(hostVersions).ToList();
        return new TorchSharpNativeReport(
            host, hostVersions.Count == 0 ? null : hostVersions[^1], native, required, weak, missing, error is null, error);
    }

    /// <summary>
    /// Returns when TorchSharp computes; otherwise throws an <see cref="InvalidOperationException"/> whose
    /// message explains what is wrong and how to fix it (rebuild the project).
    /// </summary>
    public static void EnsureLoaded()
    {
        TorchSharpNativeLoader.Preload(typeof(torch).Assembly);
        if (TryCompute() is null)
            return;
        throw new InvalidOperationException(Describe().ToString());
    }

    /// <summary>Runs a tiny TorchSharp computation; returns null when it works, the error message when it throws.</summary>
    private static string? TryCompute()
    {
        try
        {
            using var ones = torch.ones(3);
            using var sum = ones.sum();
            var value = sum.item<float>();
            return value == 3 ? null : $"torch.ones(3).sum() gave {value}, not 3.";
        }
        catch (Exception exception)
        {
            var root = exception.GetBaseException();
            return root == exception ? exception.Message : $"{exception.Message} ({root.Message})";
        }
    }

    /// <summary>The copy this process mapped, or else the one next to TorchSharp.dll that it would load.</summary>
    private static string NativeLibraryPath()
    {
        const string maps = "/proc/self/maps";
        var mapped = File.Exists(maps) ? HostLibStdCxx.MappedPath(File.ReadAllText(maps), NativeFileName) : null;
        if (mapped is not null)
            return mapped;
        var location = typeof(torch).Assembly.Location;
        var folder = location.Length == 0 ? AppContext.BaseDirectory : Path.GetDirectoryName(location)!;
        return Path.Combine(folder, "runtimes", "linux-x64", "native", NativeFileName);
    }
}
