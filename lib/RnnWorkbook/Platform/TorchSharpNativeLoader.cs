using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace RnnWorkbook.Platform;

/// <summary>
/// Loads the library's own, adapted copy of TorchSharp's native library by absolute path before TorchSharp
/// looks for it, so that TorchSharp works on Linux hosts whose libstdc++ lacks a version the package's copy
/// insists on, in every host that loads the library: our engine, the real .NET Interactive, tests, apps.
/// </summary>
/// <remarks>
/// The build puts <c>runtimes/linux-x64/native/libLibTorchSharp.so</c> beside <c>RnnWorkbook.dll</c> and marks
/// the GLIBCXX versions this host lacks weak in it (build/TorchSharpCompat.targets). Under .NET Interactive,
/// TorchSharp.dll sits in the NuGet cache, whose copy is the package's, and libtorch sits in another package
/// folder. So this class first loads libtorch.so from beside the adapted copy, or else from the NuGet package
/// the library was built against (named in RnnWorkbook.deps.json), then the adapted copy. The dynamic loader
/// then answers TorchSharp's own requests for <c>torch_cpu</c> and <c>LibTorchSharp</c> by soname with these
/// already-loaded libraries, and never reads the package's copy. Nothing outside the process is written.
/// In an application that ships TorchSharp's native files itself (our engine, the tests), it does nothing.
/// It runs when TorchSharp's assembly loads (or at once, if it already has), once the library is in use.
/// </remarks>
internal static class TorchSharpNativeLoader
{
    private const string NativeFileName = "libLibTorchSharp.so";
    private const string LibTorchPackage = "libtorch-cpu-linux-x64";
    private static readonly string s_nativeFolder = Path.Combine("runtimes", "linux-x64", "native");
    private static readonly Lock s_gate = new();
    private static string? s_outcome;

    /// <summary>What the last attempt did, in one sentence; null before TorchSharp was seen.</summary>
    public static string? Outcome
    {
        get
        {
            lock (s_gate)
                return s_outcome;
        }
    }

#pragma warning disable CA2255 // The library must act before TorchSharp's first native call, whichever host loaded it.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        if (!IsLinuxX64)
            return;
        AppDomain.CurrentDomain.AssemblyLoad += (_, args) =>
        {
            if (IsTorchSharp(args.LoadedAssembly))
                Preload(args.LoadedAssembly);
        };
        if (AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(IsTorchSharp) is { } loaded)
            Preload(loaded);
    }

    /// <summary>Loads the adapted copy (once); returns what was done. Never throws: TorchSharp reports its own failure.</summary>
    public static string Preload(Assembly torchSharp)
    {
        lock (s_gate)
        {
            if (s_outcome is not null)
                return s_outcome;
            try
            {
                s_outcome = LoadAdaptedCopy(torchSharp);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or DllNotFoundException or BadImageFormatException)
            {
                s_outcome = $"The adapted copy was not loaded: {exception.Message}";
            }
            return s_outcome;
        }
    }

    private static string LoadAdaptedCopy(Assembly torchSharp)
    {
        // An application built with TorchSharp (our engine, the tests) has the native libraries in its own output,
        // adapted by the same build step, and TorchSharp loads those: a second libtorch would abort the process.
        if (ApplicationNativeFolders().FirstOrDefault(folder => File.Exists(Path.Combine(folder, NativeFileName))) is { } own)
            return $"This application ships TorchSharp's native library in {own}; TorchSharp loads that one.";

        var libraryFolder = Path.GetDirectoryName(typeof(TorchSharpNativeLoader).Assembly.Location);
        if (string.IsNullOrEmpty(libraryFolder))
            return "RnnWorkbook.dll has no file location, so there is no adapted copy beside it.";
        var copy = Path.Combine(libraryFolder, s_nativeFolder, NativeFileName);
        if (!File.Exists(copy))
            return $"No adapted copy at {copy} (build lib/RnnWorkbook to make one); TorchSharp loads its own.";

        var libTorchFolder = FindLibTorch(Path.GetDirectoryName(copy)!, libraryFolder, torchSharp.Location);
        if (libTorchFolder is null)
            return $"libtorch.so was found neither beside {copy} nor in the NuGet package {LibTorchPackage}; TorchSharp loads its own.";
        if (!NativeLibrary.TryLoad(Path.Combine(libTorchFolder, "libtorch.so"), out _))
            return $"{Path.Combine(libTorchFolder, "libtorch.so")} did not load; TorchSharp loads its own.";
        return NativeLibrary.TryLoad(copy, out _)
            ? $"Loaded {copy} with libtorch from {libTorchFolder}."
            : $"{copy} did not load; TorchSharp loads its own.";
    }

    /// <summary>The folders the .NET host searches for the application's native libraries (from its deps.json).</summary>
    private static IEnumerable<string> ApplicationNativeFolders() =>
        (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Path.TrimEndingDirectorySeparator);

    /// <summary>Beside the copy (an app's output folder), else the NuGet package of the version the library was built with.</summary>
    private static string? FindLibTorch(string copyFolder, string libraryFolder, string torchSharpLocation)
    {
        if (File.Exists(Path.Combine(copyFolder, "libtorch.so")))
            return copyFolder;
        var version = LibTorchVersion(Path.Combine(libraryFolder, "RnnWorkbook.deps.json"));
        if (version is null)
            return null;
        return PackageRoots(torchSharpLocation)
            .Select(root => Path.Combine(root, LibTorchPackage, version, s_nativeFolder))
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "libtorch.so")));
    }

    /// <summary>The libtorch package version in the library's deps.json ("libtorch-cpu-linux-x64/2.10.0").</summary>
    internal static string? LibTorchVersion(string depsJsonPath)
    {
        if (!File.Exists(depsJsonPath))
            return null;
        using var document = JsonDocument.Parse(File.ReadAllBytes(depsJsonPath));
        if (!document.RootElement.TryGetProperty("libraries", out var libraries))
            return null;
        const string prefix = LibTorchPackage + "/";
        return libraries.EnumerateObject()
            .Select(library => library.Name)
            .FirstOrDefault(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))?[prefix.Length..];
    }

    /// <summary>The packages folder TorchSharp.dll came from (…/torchsharp/V/lib/TFM/), then NUGET_PACKAGES, then ~/.nuget/packages.</summary>
    private static IEnumerable<string> PackageRoots(string torchSharpLocation)
    {
        if (torchSharpLocation.Length > 0)
            yield return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(torchSharpLocation)!, "..", "..", "..", ".."));
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured)
            yield return configured;
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    private static bool IsLinuxX64 => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64;

    private static bool IsTorchSharp(Assembly assembly) => assembly.GetName().Name == "TorchSharp";
}
