using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// Lets assemblies of restored packages find their native libraries in the package's folder: when such an
/// assembly loads, a DllImport resolver that probes its folder is set for it, and the default load context
/// probes registered folders as a last resort.
/// </summary>
internal static class NativeLibraryFolders
{
    private static readonly ConcurrentDictionary<string, byte> s_folders = new(StringComparer.Ordinal);
    private static int s_hooked;

    public static void Register(string folder)
    {
        s_folders.TryAdd(Path.GetFullPath(folder), 0);
        if (Interlocked.Exchange(ref s_hooked, 1) == 0)
        {
            AppDomain.CurrentDomain.AssemblyLoad += (_, e) => OnAssemblyLoad(e.LoadedAssembly);
            AssemblyLoadContext.Default.ResolvingUnmanagedDll += (_, name) => Probe(name, s_folders.Keys);
        }
    }

    private static void OnAssemblyLoad(Assembly assembly)
    {
        if (assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location))
        {
            return;
        }

        var folder = Path.GetDirectoryName(assembly.Location);
        if (folder is null || !s_folders.ContainsKey(folder))
        {
            return;
        }

        try
        {
            NativeLibrary.SetDllImportResolver(assembly, (name, _, _) => Probe(name, [folder]));
        }
        catch (InvalidOperationException)
        {
            // The assembly set its own resolver (as TorchSharp does); it knows best.
        }
    }

    private static IntPtr Probe(string name, IEnumerable<string> folders)
    {
        foreach (var folder in folders)
        {
            foreach (var candidate in new[] { name, $"lib{name}.so", $"{name}.so", $"lib{name}.dylib", $"{name}.dll" })
            {
                var path = Path.Combine(folder, candidate);
                if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle))
                {
                    return handle;
                }
            }
        }

        return IntPtr.Zero;
    }
}
