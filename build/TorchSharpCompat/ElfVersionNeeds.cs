// Reads and edits the symbol-version records of ELF shared libraries, so that TorchSharp's native library
// loads on hosts whose libstdc++ is older than the one it was linked against.
//
// The same file serves two compilers:
// - the build (build/TorchSharpCompat.targets) compiles it with RoslynCodeTaskFactory, against
//   netstandard 2.0 and without implicit usings, and runs the task class at the bottom;
// - the library (lib/RnnWorkbook) compiles it with RNNWORKBOOK_NO_MSBUILD_TASK defined, so that
//   RnnWorkbook.Platform.TorchSharpNative can explain at run time what the build did.
// That is why this file uses only netstandard 2.0 APIs and keeps several small types together.
using System.Diagnostics;
using System.Text;
#if !RNNWORKBOOK_NO_MSBUILD_TASK
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.Build.Framework;
#endif

namespace RnnWorkbook.Platform;

/// <summary>One version that a shared library needs from one of its dependencies (an ELF Vernaux entry).</summary>
internal sealed class ElfVersionNeed
{
    /// <summary>VER_FLG_WEAK: the loader does not fail when the dependency lacks this version.</summary>
    public const ushort WeakFlag = 0x2;

    public ElfVersionNeed(string fileName, string versionName, ushort flags, ushort versionIndex, long flagsOffset)
    {
        FileName = fileName;
        VersionName = versionName;
        Flags = flags;
        VersionIndex = versionIndex;
        FlagsOffset = flagsOffset;
    }

    /// <summary>The dependency's file name, for example <c>libstdc++.so.6</c>.</summary>
    public string FileName { get; }

    /// <summary>The version name, for example <c>GLIBCXX_3.4.32</c>.</summary>
    public string VersionName { get; }

    /// <summary>The entry's <c>vna_flags</c>.</summary>
    public ushort Flags { get; }

    /// <summary>The entry's <c>vna_other</c>: the index that <c>.gnu.version</c> uses for this version.</summary>
    public ushort VersionIndex { get; }

    /// <summary>Where the two bytes of <c>vna_flags</c> are in the file.</summary>
    public long FlagsOffset { get; }

    public bool IsWeak => (Flags & WeakFlag) != 0;

    public override string ToString() =>
        FileName + " " + VersionName + (IsWeak ? " (weak)" : "") + " flags=0x" + Flags.ToString("x");
}

/// <summary>A section header's fields that the version sections need.</summary>
internal readonly struct ElfSection
{
    public ElfSection(long offset, long size, int link, int info)
    {
        Offset = offset;
        Size = size;
        Link = link;
        Info = info;
    }

    public long Offset { get; }
    public long Size { get; }
    public int Link { get; }
    public int Info { get; }
}

/// <summary>
/// An ELF64 little-endian file held in memory, with reads that check bounds and report the file's path.
/// Sections are found by type through the section header table, so section names are never needed.
/// </summary>
internal sealed class ElfImage
{
    private const int HeaderSize = 64;
    private const int SectionHeaderSize = 64;
    private const uint StringTableType = 3;

    private readonly byte[] _bytes;
    private readonly string _path;
    private readonly long _sectionTableOffset;
    private readonly int _sectionCount;

    public ElfImage(string path, byte[] bytes)
    {
        _path = path;
        _bytes = bytes;
        if (bytes.Length < 4 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            throw new InvalidDataException($"'{path}' is not an ELF file: it does not start with 0x7F 'E' 'L' 'F'.");
        Require(0, HeaderSize, "ELF header");
        if (bytes[4] != 2)
            throw new InvalidDataException($"'{path}' is not a 64-bit ELF file (EI_CLASS is {bytes[4]}, expected 2).");
        if (bytes[5] != 1)
            throw new InvalidDataException($"'{path}' is not a little-endian ELF file (EI_DATA is {bytes[5]}, expected 1).");
        _sectionTableOffset = (long)ReadUInt64(0x28);
        int entrySize = ReadUInt16(0x3a);
        _sectionCount = ReadUInt16(0x3c);
        if (_sectionTableOffset == 0)
            throw new InvalidDataException($"'{path}' has no section header table.");
        if (entrySize != SectionHeaderSize)
            throw new InvalidDataException($"'{path}' has {entrySize}-byte section headers, expected {SectionHeaderSize}.");
        Require(_sectionTableOffset, SectionHeaderSize, "section header table");
        // With 0xff00 sections or more, e_shnum is 0 and the real count is the first header's sh_size.
        if (_sectionCount == 0)
            _sectionCount = checked((int)ReadUInt64(_sectionTableOffset + 0x20));
        Require(_sectionTableOffset, (long)_sectionCount * SectionHeaderSize, "section header table");
    }

    public static ElfImage Load(string path)
    {
        if (path is null)
            throw new ArgumentNullException(nameof(path));
        return new ElfImage(path, File.ReadAllBytes(path));
    }

    /// <summary>The first section of the given type, or null when the file has none.</summary>
    public ElfSection? FindSection(uint type)
    {
        for (var i = 0; i < _sectionCount; i++)
        {
            var header = _sectionTableOffset + (long)i * SectionHeaderSize;
            if (ReadUInt32(header + 4) == type)
                return Section(i, "section of type 0x" + type.ToString("x"));
        }
        return null;
    }

    /// <summary>The string table that a version section links to through <c>sh_link</c>.</summary>
    public ElfSection LinkedStringTable(ElfSection section)
    {
        if (section.Link <= 0 || section.Link >= _sectionCount)
            throw new InvalidDataException($"'{_path}': a version section links to section {section.Link}, which does not exist.");
        var header = _sectionTableOffset + (long)section.Link * SectionHeaderSize;
        if (ReadUInt32(header + 4) != StringTableType)
            throw new InvalidDataException($"'{_path}': section {section.Link} is not a string table.");
        return Section(section.Link, "string table");
    }

    public string ReadString(ElfSection table, uint offset)
    {
        if (offset >= table.Size)
            throw new InvalidDataException($"'{_path}': string offset {offset} is outside its string table.");
        var start = table.Offset + offset;
        var end = start;
        var limit = table.Offset + table.Size;
        while (end < limit && _bytes[end] != 0)
            end++;
        if (end == limit)
            throw new InvalidDataException($"'{_path}': a string at offset {offset} runs past the end of its string table.");
        return Encoding.ASCII.GetString(_bytes, (int)start, (int)(end - start));
    }

    public ushort ReadUInt16(long offset)
    {
        Require(offset, 2, "field");
        return (ushort)(_bytes[offset] | _bytes[offset + 1] << 8);
    }

    public uint ReadUInt32(long offset)
    {
        Require(offset, 4, "field");
        return (uint)(_bytes[offset] | _bytes[offset + 1] << 8 | _bytes[offset + 2] << 16 | _bytes[offset + 3] << 24);
    }

    public ulong ReadUInt64(long offset) => ReadUInt32(offset) | (ulong)ReadUInt32(offset + 4) << 32;

    /// <summary>Throws when the <paramref name="count"/> bytes at <paramref name="offset"/> are not all in the file.</summary>
    public void Require(long offset, long count, string what)
    {
        if (offset < 0 || count < 0 || offset > _bytes.Length - count)
            throw new InvalidDataException(
                $"'{_path}' is truncated: its {what} needs bytes {offset} to {offset + count}, but the file has {_bytes.Length} bytes.");
    }

    private ElfSection Section(int index, string what)
    {
        var header = _sectionTableOffset + (long)index * SectionHeaderSize;
        var offset = (long)ReadUInt64(header + 0x18);
        var size = (long)ReadUInt64(header + 0x20);
        Require(offset, size, what);
        return new ElfSection(offset, size, (int)ReadUInt32(header + 0x28), (int)ReadUInt32(header + 0x2c));
    }
}

/// <summary>Lists the versions a shared library needs (<c>.gnu.version_r</c>) and writes copies with some marked weak.</summary>
internal static class ElfVersionNeeds
{
    private const uint VersionNeedType = 0x6ffffffe; // SHT_GNU_verneed
    private const int EntrySize = 16; // Elf64_Verneed and Elf64_Vernaux are both 16 bytes.

    public static IReadOnlyList<ElfVersionNeed> Read(string path) => Parse(ElfImage.Load(path));

    public static IReadOnlyList<ElfVersionNeed> Parse(ElfImage image)
    {
        var needs = new List<ElfVersionNeed>();
        var found = image.FindSection(VersionNeedType);
        if (found is null)
            return needs;
        var section = found.Value;
        var strings = image.LinkedStringTable(section);
        var entry = section.Offset;
        // sh_info holds the number of Verneed entries; counting them also stops a vn_next cycle.
        for (var i = 0; i < section.Info; i++)
        {
            image.Require(entry, EntrySize, "version need entry");
            int auxCount = image.ReadUInt16(entry + 2);
            var fileName = image.ReadString(strings, image.ReadUInt32(entry + 4));
            var aux = entry + image.ReadUInt32(entry + 8);
            for (var j = 0; j < auxCount; j++)
            {
                image.Require(aux, EntrySize, "version need entry");
                var flags = image.ReadUInt16(aux + 4);
                var index = image.ReadUInt16(aux + 6);
                var name = image.ReadString(strings, image.ReadUInt32(aux + 8));
                needs.Add(new ElfVersionNeed(fileName, name, flags, index, aux + 4));
                aux += image.ReadUInt32(aux + 12);
            }
            var next = image.ReadUInt32(entry + 12);
            if (next == 0)
                break;
            entry += next;
        }
        return needs;
    }

    /// <summary>The GLIBCXX versions that <paramref name="needs"/> insist on (not weak) and <paramref name="defined"/> lacks.</summary>
    public static string[] MissingGlibcxx(IEnumerable<ElfVersionNeed> needs, IEnumerable<string> defined)
    {
        var host = new HashSet<string>(defined, StringComparer.Ordinal);
        return needs
            .Where(need => HostLibStdCxx.IsGlibcxx(need.VersionName) && !need.IsWeak && !host.Contains(need.VersionName))
            .Select(need => need.VersionName)
            .Distinct()
            .ToArray();
    }

    /// <summary>
    /// Writes <paramref name="destinationPath"/> as a copy of <paramref name="sourcePath"/> in which every need
    /// named in <paramref name="versionNames"/> is marked weak; nothing else changes, not even the file's mode or
    /// last-write time. The copy is written to a temporary file in the destination's folder and then renamed over
    /// the destination, so the source is never opened for writing and a destination that is a hard link into the
    /// NuGet cache is replaced rather than written through. Source and destination may be the same path.
    /// </summary>
    public static void WriteCopyWithWeakNeeds(string sourcePath, string destinationPath, IEnumerable<string> versionNames)
    {
        if (sourcePath is null)
            throw new ArgumentNullException(nameof(sourcePath));
        if (destinationPath is null)
            throw new ArgumentNullException(nameof(destinationPath));
        if (versionNames is null)
            throw new ArgumentNullException(nameof(versionNames));
        var names = new HashSet<string>(versionNames, StringComparer.Ordinal);
        var needs = Read(sourcePath);
        foreach (var name in names)
        {
            if (!needs.Any(need => need.VersionName == name))
                throw new ArgumentException($"'{sourcePath}' does not need version '{name}'.", nameof(versionNames));
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(destinationPath))!;
        var temporary = Path.Combine(folder, "." + Path.GetFileName(destinationPath) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            // File.Copy keeps the source's mode (shared libraries are often executable); a read-only copy is
            // made writable for the two bytes and read-only again.
            File.Copy(sourcePath, temporary);
            var readOnly = (File.GetAttributes(temporary) & FileAttributes.ReadOnly) != 0;
            if (readOnly)
                File.SetAttributes(temporary, FileAttributes.Normal);
            using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write))
            {
                foreach (var need in needs.Where(need => names.Contains(need.VersionName)))
                {
                    var flags = (ushort)(need.Flags | ElfVersionNeed.WeakFlag);
                    stream.Position = need.FlagsOffset;
                    stream.WriteByte((byte)flags);
                    stream.WriteByte((byte)(flags >> 8));
                }
            }
            if (readOnly)
                File.SetAttributes(temporary, FileAttributes.ReadOnly);
            // MSBuild's Copy skips files whose size and time match the package's, so keeping the time keeps
            // the patched copy through incremental builds. If Copy does replace it, the build patches again.
            File.SetLastWriteTimeUtc(temporary, File.GetLastWriteTimeUtc(sourcePath));
            // File.Move with overwrite is not in netstandard 2.0; on Unix File.Replace without backup is rename(2).
            if (File.Exists(destinationPath))
                File.Replace(temporary, destinationPath, null);
            else
                File.Move(temporary, destinationPath);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}

/// <summary>Lists the versions a shared library defines (<c>.gnu.version_d</c>), without its base (soname) entry.</summary>
internal static class ElfVersionDefinitions
{
    private const uint VersionDefinitionType = 0x6ffffffd; // SHT_GNU_verdef
    private const ushort BaseFlag = 0x1; // VER_FLG_BASE: the entry that names the file itself.
    private const int DefinitionSize = 20;
    private const int AuxiliarySize = 8;

    public static IReadOnlyList<string> Read(string path)
    {
        var image = ElfImage.Load(path);
        var names = new List<string>();
        var found = image.FindSection(VersionDefinitionType);
        if (found is null)
            return names;
        var section = found.Value;
        var strings = image.LinkedStringTable(section);
        var entry = section.Offset;
        for (var i = 0; i < section.Info; i++)
        {
            image.Require(entry, DefinitionSize, "version definition entry");
            var flags = image.ReadUInt16(entry + 2);
            var aux = entry + image.ReadUInt32(entry + 12);
            image.Require(aux, AuxiliarySize, "version definition entry");
            if ((flags & BaseFlag) == 0)
                names.Add(image.ReadString(strings, image.ReadUInt32(aux)));
            var next = image.ReadUInt32(entry + 16);
            if (next == 0)
                break;
            entry += next;
        }
        return names;
    }
}

/// <summary>
/// Finds the libstdc++.so.6 that the dynamic loader gives this process, and the GLIBCXX versions it defines.
/// </summary>
/// <remarks>
/// The loader reuses a library that is already loaded under the same soname, and the .NET runtime
/// (libcoreclr.so) loads libstdc++.so.6 at start-up. So the copy mapped into this process, read from
/// /proc/self/maps, is exactly the one TorchSharp's native library will get; this holds for the MSBuild
/// process and for the program alike. If it is not mapped, this falls back to the loader's cache as listed by
/// <c>ldconfig -p</c>, then to the standard library folders. LD_LIBRARY_PATH and RUNPATH are not searched:
/// they only matter when libstdc++ is not already loaded, which does not happen under .NET today.
/// </remarks>
internal static class HostLibStdCxx
{
    public const string FileName = "libstdc++.so.6";
    public const string GlibcxxPrefix = "GLIBCXX_";

    private static readonly string[] _standardFolders =
        { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib" };

    private static readonly string[] _ldconfigPaths = { "/sbin/ldconfig", "/usr/sbin/ldconfig" };

    /// <summary>The path of the host's libstdc++.so.6, or null when none is found.</summary>
    public static string? Find()
    {
        const string maps = "/proc/self/maps";
        if (File.Exists(maps))
        {
            var mapped = MappedPath(File.ReadAllText(maps), FileName);
            if (mapped is not null)
                return mapped;
        }
        var cached = FromLdconfig(RunLdconfig());
        if (cached is not null && File.Exists(cached))
            return cached;
        return _standardFolders.Select(folder => Path.Combine(folder, FileName)).FirstOrDefault(File.Exists);
    }

    /// <summary>The GLIBCXX_ versions that the library at <paramref name="path"/> defines, oldest first.</summary>
    public static IReadOnlyList<string> GlibcxxVersions(string path) =>
        ElfVersionDefinitions.Read(path).Where(IsGlibcxx).Distinct().OrderBy(name => name, VersionComparer.Instance).ToList();

    public static bool IsGlibcxx(string versionName) => versionName.StartsWith(GlibcxxPrefix, StringComparison.Ordinal);

    /// <summary>The path of the first mapping in a /proc/PID/maps text whose file name starts with <paramref name="fileName"/>.</summary>
    public static string? MappedPath(string mapsText, string fileName)
    {
        foreach (var line in mapsText.Split('\n'))
        {
            // Fields: address perms offset device inode path; only the path starts with '/'.
            var slash = line.IndexOf('/');
            if (slash < 0)
                continue;
            var path = line.Substring(slash).TrimEnd();
            if (Path.GetFileName(path).StartsWith(fileName, StringComparison.Ordinal))
                return path;
        }
        return null;
    }

    /// <summary>The x86-64 libstdc++.so.6 listed in <c>ldconfig -p</c> output, or null.</summary>
    public static string? FromLdconfig(string ldconfigOutput)
    {
        // Lines look like "\tlibstdc++.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libstdc++.so.6".
        foreach (var line in ldconfigOutput.Split('\n'))
        {
            var trimmed = line.Trim();
            var arrow = trimmed.IndexOf(" => ", StringComparison.Ordinal);
            if (arrow < 0 || !trimmed.StartsWith(FileName + " ", StringComparison.Ordinal))
                continue;
            if (trimmed.IndexOf("x86-64", 0, arrow, StringComparison.Ordinal) >= 0)
                return trimmed.Substring(arrow + 4).Trim();
        }
        return null;
    }

    private static string RunLdconfig()
    {
        var ldconfig = _ldconfigPaths.FirstOrDefault(File.Exists);
        if (ldconfig is null)
            return "";
        try
        {
            var start = new ProcessStartInfo(ldconfig, "-p") { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        catch (Exception exception) when (exception is IOException or System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }
}

/// <summary>Orders version names such as GLIBCXX_3.4.9 and GLIBCXX_3.4.30 by their numbers, not their text.</summary>
internal sealed class VersionComparer : IComparer<string>
{
    public static readonly VersionComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var left = Numbers(x);
        var right = Numbers(y);
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i])
                return left[i].CompareTo(right[i]);
        }
        return left.Length != right.Length ? left.Length.CompareTo(right.Length) : string.CompareOrdinal(x, y);
    }

    private static int[] Numbers(string? name)
    {
        if (name is null)
            return Array.Empty<int>();
        var underscore = name.LastIndexOf('_');
        return name.Substring(underscore + 1).Split('.').Select(part => int.TryParse(part, out var n) ? n : 0).ToArray();
    }
}

#if !RNNWORKBOOK_NO_MSBUILD_TASK
/// <summary>
/// MSBuild task: marks weak, in one output copy of a shared library, exactly the GLIBCXX versions that it
/// requires and that the host's libstdc++ does not define. Leaves the file untouched otherwise.
/// </summary>
/// <remarks>
/// A weak version need lets the loader accept a libstdc++ without that version; a symbol bound to it that
/// is actually relocated would still fail to resolve. For TorchSharp 0.107.0 only one such case was checked
/// by hand: GLIBCXX_3.4.32 is named by std::ios_base_library_init alone, which no relocation uses. Other
/// missing versions are weakened by the same rule without that proof.
/// </remarks>
public sealed class WeakenMissingGlibcxxNeeds : Microsoft.Build.Utilities.Task
{
    /// <summary>The output copy to patch, for example <c>bin/runtimes/linux-x64/native/libLibTorchSharp.so</c>.</summary>
    [Required]
    public string LibraryPath { get; set; } = "";

    public override bool Execute()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || !File.Exists(LibraryPath))
            return true;
        try
        {
            var host = HostLibStdCxx.Find();
            if (host is null)
            {
                Log.LogWarning($"TorchSharpCompat: no {HostLibStdCxx.FileName} found on this host; left '{LibraryPath}' unchanged.");
                return true;
            }
            var defined = HostLibStdCxx.GlibcxxVersions(host);
            var missing = ElfVersionNeeds.MissingGlibcxx(ElfVersionNeeds.Read(LibraryPath), defined);
            if (missing.Length == 0)
            {
                Log.LogMessage(MessageImportance.Low, $"TorchSharpCompat: '{LibraryPath}' insists on no GLIBCXX version that '{host}' lacks; left unchanged.");
                return true;
            }
            ElfVersionNeeds.WriteCopyWithWeakNeeds(LibraryPath, LibraryPath, missing);
            var newest = defined.Count == 0 ? "none" : defined[defined.Count - 1];
            Log.LogMessage(MessageImportance.High,
                $"TorchSharpCompat: marked {string.Join(", ", missing)} weak in '{LibraryPath}' because this host's libstdc++ " +
                $"('{host}', newest {newest}) does not define {(missing.Length == 1 ? "it" : "them")}, so the loader would refuse the library. " +
                "In TorchSharp 0.107.0 only std::ios_base_library_init uses GLIBCXX_3.4.32, and no relocation refers to it.");
            return true;
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Log.LogWarning($"TorchSharpCompat: could not check or patch '{LibraryPath}': {exception.Message}");
            return true;
        }
    }
}
#endif
