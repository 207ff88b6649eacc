using System.Text.Json.Nodes;
using RnnWorkbook.Platform;

namespace RnnWorkbook.Notebook.Kernel;

/// <summary>
/// Writes and removes the kernelspec that lets Jupyter start this kernel. The directory is named
/// <c>.net-csharp</c>: the workbook's notebooks name that kernelspec in their metadata (as Polyglot Notebooks
/// did), and jupyter_client finds a kernel by its directory name, lowercased and limited to ASCII letters,
/// digits, '-', '.' and '_', so those notebooks open with this kernel. The argv starts this engine with the
/// absolute paths of <c>dotnet</c> and <c>Notebook.dll</c>, so it works from any folder.
/// </summary>
public static class KernelSpecInstaller
{
    public const string Name = ".net-csharp";
    public const string DisplayName = "C# (RnnWorkbook)";

    /// <summary>The per-user kernels folder jupyter_core uses: <c>~/.local/share/jupyter/kernels</c> on Linux.</summary>
    public static string UserKernelsDirectory()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } data)
        {
            return Path.Combine(data, "kernels");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter", "kernels");
        }

        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Jupyter", "kernels");
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter", "kernels");
    }

    /// <summary><c>DIR/share/jupyter/kernels</c>, as <c>jupyter kernelspec install --prefix DIR</c> uses.</summary>
    public static string PrefixKernelsDirectory(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");
    }

    /// <summary>The kernel.json this engine installs.</summary>
    public static JsonObject Spec(string dotnetPath, string engineAssembly) => new()
    {
        ["argv"] = new JsonArray(dotnetPath, engineAssembly, "kernel", "run", "{connection_file}"),
        ["display_name"] = DisplayName,
        ["language"] = "C#",
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>Writes <c>&lt;kernels&gt;/.net-csharp/kernel.json</c> atomically and returns its path.</summary>
    public static string Install(string kernelsDirectory, string dotnetPath, string engineAssembly)
    {
        ArgumentException.ThrowIfNullOrEmpty(kernelsDirectory);
        if (!Path.IsPathFullyQualified(dotnetPath))
        {
            throw new ArgumentException($"the path of dotnet must be absolute, got '{dotnetPath}'.", nameof(dotnetPath));
        }

        if (!Path.IsPathFullyQualified(engineAssembly))
        {
            throw new ArgumentException($"the path of Notebook.dll must be absolute, got '{engineAssembly}'.", nameof(engineAssembly));
        }

        var path = Path.Combine(kernelsDirectory, Name, "kernel.json");
        AtomicFile.WriteAllText(path, Spec(dotnetPath, engineAssembly).ToJsonString(new() { WriteIndented = true }) + "\n");
        return path;
    }

    /// <summary>Removes the kernelspec if it is this engine's; returns false when there was none.</summary>
    /// <exception cref="InvalidOperationException">A kernelspec of that name belongs to another kernel.</exception>
    public static bool Uninstall(string kernelsDirectory)
    {
        var directory = Path.Combine(kernelsDirectory, Name);
        var spec = Path.Combine(directory, "kernel.json");
        if (!File.Exists(spec))
        {
            return false;
        }

        var name = JsonNode.Parse(File.ReadAllText(spec))?["display_name"]?.GetValue<string>();
        if (name != DisplayName)
        {
            throw new InvalidOperationException($"{directory} is the kernelspec of '{name}', not this engine's; it was left in place.");
        }

        Directory.Delete(directory, recursive: true);
        return true;
    }
}
