using System.Text;

namespace RnnWorkbook.Platform;

/// <summary>
/// What <see cref="TorchSharpNative.Describe"/> found: the host's libstdc++, the GLIBCXX versions TorchSharp's
/// native library asks for, which of them the build marked weak, and whether TorchSharp loads. Its
/// <see cref="ToString"/> explains this in sentences, for the engine's <c>doctor</c> command and chapter 00.
/// </summary>
/// <param name="HostLibStdCxxPath">The libstdc++.so.6 the loader uses, or null when none was found (or not on Linux).</param>
/// <param name="HostNewestGlibcxx">The newest GLIBCXX version that libstdc++ defines, or null.</param>
/// <param name="NativeLibraryPath">The libLibTorchSharp.so this process loads (or would load), or null when not on Linux.</param>
/// <param name="RequiredGlibcxx">Every GLIBCXX version that copy names, oldest first.</param>
/// <param name="WeakGlibcxx">The ones marked weak in that copy, which the loader does not insist on.</param>
/// <param name="MissingOnHost">The ones the host's libstdc++ does not define.</param>
/// <param name="Loads">Whether <c>torch.ones(3).sum()</c> ran.</param>
/// <param name="LoadError">The exception's message when it did not.</param>
public sealed record TorchSharpNativeReport(
    string? HostLibStdCxxPath,
    string? HostNewestGlibcxx,
    string? NativeLibraryPath,
    IReadOnlyList<string> RequiredGlibcxx,
    IReadOnlyList<string> WeakGlibcxx,
    IReadOnlyList<string> MissingOnHost,
    bool Loads,
    string? LoadError)
{
    /// <summary>The versions the host lacks and the copy still insists on: what stops the loader.</summary>
    public IReadOnlyList<string> Blocking => MissingOnHost.Except(WeakGlibcxx).ToList();

    /// <summary>The explanation, in plain sentences.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(Loads
            ? "TorchSharp loads: torch.ones(3).sum() ran."
            : $"TorchSharp does not load: {LoadError}");
        if (NativeLibraryPath is null)
            return text.Append("The libstdc++ check applies to Linux only.").ToString();

        text.AppendLine(HostLibStdCxxPath is null
            ? "No libstdc++.so.6 was found on this host."
            : $"This host's libstdc++ is {HostLibStdCxxPath}; its newest version is {HostNewestGlibcxx ?? "unknown"}.");
        text.AppendLine(RequiredGlibcxx.Count == 0
            ? $"TorchSharp's native library {NativeLibraryPath} was not found or names no GLIBCXX version."
            : $"TorchSharp's native library {NativeLibraryPath} asks for {RequiredGlibcxx.Count} GLIBCXX versions, up to {RequiredGlibcxx[^1]}.");

        var blocking = Blocking;
        var patched = MissingOnHost.Intersect(WeakGlibcxx).ToList();
        if (patched.Count > 0)
        {
            text.AppendLine(
                $"The host lacks {Join(patched)}, so the build marked {(patched.Count == 1 ? "it" : "them")} weak in this copy " +
                "(build/TorchSharpCompat.targets): the loader then accepts the older libstdc++. In TorchSharp 0.107.0 only " +
                "std::ios_base_library_init uses GLIBCXX_3.4.32, and no relocation refers to it, so nothing is lost.");
        }
        if (blocking.Count > 0)
        {
            text.AppendLine(
                $"The host lacks {Join(blocking)} and this copy still requires {(blocking.Count == 1 ? "it" : "them")}, so the loader refuses the library.");
        }
        if (MissingOnHost.Count == 0 && RequiredGlibcxx.Count > 0)
            text.AppendLine("The host's libstdc++ defines every version the library asks for; nothing needed patching.");
        if (!Loads)
        {
            text.AppendLine(
                "Fix: rebuild the project (dotnet build). After copying TorchSharp's files to the output folder, the build marks " +
                "the GLIBCXX versions this host lacks as weak in that copy.");
        }
        return text.ToString().TrimEnd();
    }

    private static string Join(IEnumerable<string> names) => string.Join(", ", names);
}
