namespace RnnWorkbook.Tests.Platform;

/// <summary>The TorchSharp package files the tests read, in the NuGet cache (read only).</summary>
internal static class TorchSharpPackage
{
    /// <summary>The version in Directory.Packages.props; the facts below were checked by hand with readelf.</summary>
    public const string Version = "0.107.0";

    /// <summary>The version that std::ios_base_library_init needs, and Debian 12's libstdc++ lacks.</summary>
    public const string NewGlibcxx = "GLIBCXX_3.4.32";

    /// <summary><c>readelf -V</c>: .gnu.version_r is at 0x3f8f0, GLIBCXX_3.4.32's Vernaux at +0x140, vna_flags at +4.</summary>
    public const long NewGlibcxxFlagsOffset = 0x3f8f0 + 0x140 + 4;

    public static string NativeLibrary => Path.Combine(
        NuGetRoot, "torchsharp", Version, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    /// <summary>The project's own copy, which the build may have patched.</summary>
    public static string OutputCopy => Path.Combine(
        AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    private static string NuGetRoot =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } root
            ? root
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
