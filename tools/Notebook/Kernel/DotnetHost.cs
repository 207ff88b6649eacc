using System.Runtime.InteropServices;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>Where the <c>dotnet</c> executable running this engine lives, and the portable runtime identifier.</summary>
public static class DotnetHost
{
    /// <summary>The absolute path of <c>dotnet</c>: this process when it is dotnet, else the one beside the running runtime.</summary>
    public static string Path
    {
        get
        {
            var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
            if (Environment.ProcessPath is { } process && System.IO.Path.GetFileName(process) == executable)
            {
                return process;
            }

            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            {
                return host;
            }

            // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
            var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
            var root = runtime.Parent?.Parent?.Parent?.FullName
                ?? throw new InvalidOperationException($"cannot find dotnet from the runtime folder {runtime.FullName}.");
            return System.IO.Path.Combine(root, executable);
        }
    }

    /// <summary>"linux-x64", "osx-arm64", "win-x64": the RID NuGet assets are chosen for.</summary>
    public static string RuntimeIdentifier
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
            return $"{os}-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";
        }
    }
}
