using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace RnnWorkbook.Notebook.Execution;

/// <summary>
/// The packages a notebook may load with <c>#r "nuget: Id, Version"</c>: the workbook's central package
/// versions (Directory.Packages.props, embedded at build time) that this engine also carries. A notebook
/// asking for another version fails with the version the library uses, which keeps notebooks and library
/// in step; the assemblies come from this application's own dependency graph, so nothing is downloaded.
/// A set made with <see cref="WithRestorer"/> (the kernel's) also loads packages outside the set through
/// its restorer; packages of the set keep the version check either way.
/// </summary>
public sealed class PackageSet
{
    private readonly Dictionary<string, string> _centralVersions;
    private readonly Dictionary<string, DepsLibrary> _libraries;
    private readonly IPackageRestorer? _restorer;

    public PackageSet(IReadOnlyDictionary<string, string> centralVersions, string depsJson, string assemblyDirectory)
    {
        _centralVersions = new Dictionary<string, string>(centralVersions, StringComparer.OrdinalIgnoreCase);
        _libraries = ParseDeps(depsJson, assemblyDirectory);
    }

    private PackageSet(PackageSet set, IPackageRestorer restorer)
    {
        _centralVersions = set._centralVersions;
        _libraries = set._libraries;
        _restorer = restorer;
    }

    /// <summary>The package set of the running application.</summary>
    public static PackageSet Current { get; } = Load();

    public IReadOnlyDictionary<string, string> CentralVersions => _centralVersions;

    /// <summary>Central packages a notebook can reference here, with their versions.</summary>
    public IEnumerable<KeyValuePair<string, string>> Available =>
        _centralVersions.Where(p => _libraries.ContainsKey(p.Key)).OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The same set, loading packages outside it through <paramref name="restorer"/> instead of refusing them.</summary>
    public PackageSet WithRestorer(IPackageRestorer restorer)
    {
        ArgumentNullException.ThrowIfNull(restorer);
        return new PackageSet(this, restorer);
    }

    /// <summary>
    /// Resolves a package reference: packages of the set as <see cref="Resolve"/> does, others through the
    /// restorer when this set has one.
    /// </summary>
    /// <exception cref="NotebookException">The package or version is not one this set loads.</exception>
    public Task<IReadOnlyList<string>> ResolveAsync(PackageReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return _restorer is not null && !_centralVersions.ContainsKey(reference.Id)
            ? _restorer.RestoreAsync(reference, cancellationToken)
            : Task.FromResult(Resolve(reference));
    }

    /// <summary>Resolves a package reference to the assembly files of the package and its dependencies.</summary>
    /// <exception cref="NotebookException">The package or version is not the workbook's.</exception>
    public IReadOnlyList<string> Resolve(PackageReference reference)
    {
        if (!_centralVersions.TryGetValue(reference.Id, out var central))
        {
            throw new NotebookException(
                $"#r \"nuget: {reference.Id}\": {reference.Id} is not one of the workbook's packages " +
                $"(Directory.Packages.props). Notebooks can load: {AvailableList()}.");
        }

        if (reference.Version is { } asked && !SameVersion(asked, central))
        {
            throw new NotebookException(
                $"#r \"nuget: {reference.Id}, {asked}\": the workbook's library uses {reference.Id} {central} " +
                $"(Directory.Packages.props). Change the line to #r \"nuget: {reference.Id}, {central}\".");
        }

        if (!_libraries.TryGetValue(reference.Id, out var library))
        {
            throw new NotebookException(
                $"#r \"nuget: {reference.Id}\": {reference.Id} {central} is a package of the workbook but not one " +
                $"that notebooks load (tests and benchmarks use it). Notebooks can load: {AvailableList()}.");
        }

        var assemblies = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Collect(library, assemblies, seen);
        return assemblies;
    }

    private void Collect(DepsLibrary library, List<string> assemblies, HashSet<string> seen)
    {
        if (!seen.Add(library.Name))
        {
            return;
        }

        assemblies.AddRange(library.Assemblies.Where(File.Exists));
        foreach (var dependency in library.Dependencies)
        {
            if (_libraries.TryGetValue(dependency, out var next))
            {
                Collect(next, assemblies, seen);
            }
        }
    }

    private string AvailableList() => string.Join(", ", Available.Select(p => $"{p.Key} {p.Value}"));

    private static bool SameVersion(string a, string b)
    {
        if (Version.TryParse(a, out var va) && Version.TryParse(b, out var vb))
        {
            static Version Pad(Version v) => new(v.Major, v.Minor, Math.Max(v.Build, 0), Math.Max(v.Revision, 0));
            return Pad(va) == Pad(vb);
        }

        return string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }

    private static PackageSet Load()
    {
        using var props = typeof(PackageSet).Assembly.GetManifestResourceStream("Directory.Packages.props")
            ?? throw new InvalidOperationException("The engine was built without Directory.Packages.props.");
        // The host's own deps.json lists every package it carries with its assemblies and dependencies.
        var entry = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name;
        var candidates = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(AppContext.BaseDirectory, $"{entry}.deps.json"))
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.deps.json"));
        var depsFile = candidates.FirstOrDefault(f => File.Exists(f) && File.ReadAllText(f).Contains("\"TorchSharp-cpu/", StringComparison.Ordinal));
        var deps = depsFile is null ? "{}" : File.ReadAllText(depsFile);
        return new PackageSet(ParseCentralVersions(XDocument.Load(props)), deps, AppContext.BaseDirectory);
    }

    internal static Dictionary<string, string> ParseCentralVersions(XDocument props) =>
        props.Descendants("PackageVersion")
            .Select(e => (Id: (string?)e.Attribute("Include"), Version: (string?)e.Attribute("Version")))
            .Where(p => p.Id is not null && p.Version is not null)
            .ToDictionary(p => p.Id!, p => p.Version!, StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, DepsLibrary> ParseDeps(string depsJson, string assemblyDirectory)
    {
        var result = new Dictionary<string, DepsLibrary>(StringComparer.OrdinalIgnoreCase);
        var root = JsonNode.Parse(depsJson);
        if (root?["targets"] is not JsonObject targets || targets.FirstOrDefault().Value is not JsonObject target)
        {
            return result;
        }

        foreach (var (key, value) in target)
        {
            var name = key.Split('/')[0];
            var assemblies = (value?["runtime"] as JsonObject)?
                .Select(r => Path.Combine(assemblyDirectory, Path.GetFileName(r.Key)))
                .ToArray() ?? [];
            var dependencies = (value?["dependencies"] as JsonObject)?.Select(d => d.Key).ToArray() ?? [];
            result[name] = new DepsLibrary(name, assemblies, dependencies);
        }

        return result;
    }

    private sealed record DepsLibrary(string Name, IReadOnlyList<string> Assemblies, IReadOnlyList<string> Dependencies);
}

/// <summary>A <c>#r "nuget: Id[, Version]"</c> reference as written in a cell, with its line (1-based) when known.</summary>
public sealed record PackageReference(string Id, string? Version, int Line = 0);
