using System.Collections.Concurrent;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// Finds a symbol's XML documentation as plain text: from the symbol itself (cells' own doc comments), the
/// <c>.xml</c> file beside a referenced assembly (the workbook library, packages), or the .NET reference
/// pack of the SDK (the runtime assemblies scripts reference carry no docs; the reference pack's do).
/// </summary>
internal static class DocumentationLookup
{
    // Types implemented in System.Private.CoreLib are documented in the reference assemblies that expose them.
    private static readonly string[] s_coreLibDocs = ["System.Runtime", "System.Collections", "System.Runtime.InteropServices", "System.Threading", "System.Memory"];

    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, XElement>> s_files = new();
    private static readonly Lazy<string?> s_referencePack = new(FindReferencePack);

    /// <summary>Summary, parameters and returns of <paramref name="symbol"/>, or "" when none are found.</summary>
    public static string For(ISymbol symbol, Compilation compilation)
    {
        var definition = symbol.OriginalDefinition;
        if (ParseMember(definition.GetDocumentationCommentXml()) is { } own)
        {
            return Describe(own);
        }

        var id = definition.GetDocumentationCommentId();
        if (id is null || definition.ContainingAssembly is not { } assembly)
        {
            return "";
        }

        foreach (var file in CandidateFiles(assembly, compilation))
        {
            if (Members(file).TryGetValue(id, out var member))
            {
                return Describe(member);
            }
        }

        return "";
    }

    private static IEnumerable<string> CandidateFiles(IAssemblySymbol assembly, Compilation compilation)
    {
        if (compilation.GetMetadataReference(assembly) is PortableExecutableReference { FilePath: { } path })
        {
            yield return Path.ChangeExtension(path, ".xml");
        }

        if (s_referencePack.Value is { } pack)
        {
            var names = assembly.Name == "System.Private.CoreLib" ? s_coreLibDocs : [assembly.Name];
            foreach (var name in names)
            {
                yield return Path.Combine(pack, name + ".xml");
            }
        }
    }

    private static IReadOnlyDictionary<string, XElement> Members(string file) => s_files.GetOrAdd(file, path =>
    {
        var members = new Dictionary<string, XElement>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return members;
        }

        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            while (reader.ReadToFollowing("member"))
            {
                if (XNode.ReadFrom(reader) is XElement member && member.Attribute("name")?.Value is { } name)
                {
                    members[name] = member;
                }
            }
        }
        catch (XmlException)
        {
            // A broken documentation file only means no documentation.
        }

        return members;
    });

    private static XElement? ParseMember(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }

        try
        {
            return XElement.Parse(xml);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string Describe(XElement member)
    {
        var text = new StringBuilder();
        if (member.Element("summary") is { } summary)
        {
            text.AppendLine(Plain(summary));
        }

        foreach (var parameter in member.Elements("param"))
        {
            text.AppendLine($"  {parameter.Attribute("name")?.Value}: {Plain(parameter)}");
        }

        if (member.Element("returns") is { } returns)
        {
            text.AppendLine($"Returns: {Plain(returns)}");
        }

        return text.ToString().TrimEnd();
    }

    private static string Plain(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" or "seealso" } e when e.Attribute("cref")?.Value is { } cref => ShortName(cref),
                XElement { Name.LocalName: "see" } e when e.Attribute("langword")?.Value is { } word => word,
                XElement { Name.LocalName: "paramref" or "typeparamref" } e => e.Attribute("name")?.Value,
                XElement e => Plain(e),
                _ => "",
            });
        }

        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string ShortName(string cref)
    {
        var name = cref.Length > 2 && cref[1] == ':' ? cref[2..] : cref;
        var parenthesis = name.IndexOf('(');
        if (parenthesis >= 0)
        {
            name = name[..parenthesis];
        }

        var parts = name.Split('.');
        return parts.Length >= 2 && cref.StartsWith("M:", StringComparison.Ordinal) ? $"{parts[^2]}.{parts[^1]}" : parts[^1];
    }

    private static string? FindReferencePack()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/ → <dotnet root>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.<minor>/
        var runtime = new DirectoryInfo(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory());
        var root = runtime.Parent?.Parent?.Parent?.FullName;
        var packs = root is null ? null : Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        if (packs is null || !Directory.Exists(packs))
        {
            return null;
        }

        var framework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        return Directory.EnumerateDirectories(packs)
            .Select(version => Path.Combine(version, "ref", framework))
            .Where(Directory.Exists)
            .OrderByDescending(path => path.Contains(Environment.Version.ToString(), StringComparison.Ordinal))
            .ThenByDescending(path => path, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
