using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using RnnWorkbook.Notebook.Execution;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// Restores a package outside the workbook's set for <c>#r "nuget: Id, Version"</c> in the kernel: a tiny
/// class library referencing the package is published once (<c>dotnet publish -r &lt;rid&gt;</c>, which
/// picks the package's assets for this machine and flattens its native libraries beside the managed ones)
/// into <c>&lt;cache&gt;/&lt;id&gt;/&lt;version&gt;/</c>; later sessions reuse that folder. Every managed
/// DLL there is referenced, and the folder is registered for native library lookups.
/// </summary>
public sealed partial class NugetRestorer(string cacheDirectory, TextWriter log) : IPackageRestorer
{
    private const string ProjectName = "RnnWorkbookRestore";

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary><c>$XDG_CACHE_HOME/rnnworkbook/nuget</c>, by default <c>~/.cache/rnnworkbook/nuget</c> (LocalAppData on Windows).</summary>
    public static string DefaultCacheDirectory()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache))
        {
            cache = OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        }

        return Path.Combine(cache, "rnnworkbook", "nuget");
    }

    public async Task<IReadOnlyList<string>> RestoreAsync(PackageReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!PackageId().IsMatch(reference.Id))
        {
            throw new NotebookException($"#r \"nuget: {reference.Id}\": '{reference.Id}' is not a NuGet package id.");
        }

        if (reference.Version is { } asked && !PackageVersion().IsMatch(asked))
        {
            throw new NotebookException($"#r \"nuget: {reference.Id}, {asked}\": '{asked}' is not a NuGet version.");
        }

        if (reference.Version is not { } version)
        {
            throw new NotebookException(
                $"#r \"nuget: {reference.Id}\": {reference.Id} is not one of the workbook's packages, so name the version to restore, " +
                $"e.g. #r \"nuget: {reference.Id}, 1.2.3\".");
        }

        var folder = Path.Combine(cacheDirectory, reference.Id.ToLowerInvariant(), version.ToLowerInvariant());
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!Directory.Exists(folder))
            {
                await PublishAsync(reference.Id, version, folder, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }

        NativeLibraryFolders.Register(folder);
        return Directory.EnumerateFiles(folder, "*.dll")
            .Where(f => Path.GetFileNameWithoutExtension(f) != ProjectName && IsManaged(f))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private async Task PublishAsync(string id, string version, string folder, CancellationToken cancellationToken)
    {
        var staging = Path.Combine(cacheDirectory, $".restore-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var project = Path.Combine(staging, ProjectName + ".csproj");
            await File.WriteAllTextAsync(project, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net{Environment.Version.Major}.{Environment.Version.Minor}</TargetFramework>
                    <OutputType>Library</OutputType>
                    <SelfContained>false</SelfContained>
                    <GenerateDocumentationFile>false</GenerateDocumentationFile>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="{id}" Version="{version}" />
                  </ItemGroup>
                </Project>
                """, cancellationToken);
            log.WriteLine($"kernel: restoring {id} {version} into {folder}");
            var output = Path.Combine(staging, "out");
            await DotnetAsync(staging, cancellationToken,
                "publish", project, "-c", "Release", "-r", DotnetHost.RuntimeIdentifier, "-o", output, "--nologo", "--disable-build-servers",
                "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false", "-p:ImportDirectoryPackagesProps=false");
            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
            try
            {
                Directory.Move(output, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                // Another kernel restored the same package first; its copy is as good.
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private static async Task DotnetAsync(string workingDirectory, CancellationToken cancellationToken, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start) ?? throw new NotebookException("could not start dotnet to restore a package.");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var errors = (await stdout + "\n" + await stderr).Split('\n')
                .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                .Select(l => l.Trim())
                .Distinct()
                .Take(5);
            throw new NotebookException($"restoring the package failed (dotnet {args[0]} exited {process.ExitCode}): {string.Join(" ", errors)}");
        }
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,99}$")]
    private static partial Regex PackageId();

    [GeneratedRegex(@"^[0-9][0-9A-Za-z.\-+]{0,63}$")]
    private static partial Regex PackageVersion();
}
