using System.Buffers.Binary;
using System.Runtime.Versioning;
using RnnWorkbook.Platform;

namespace RnnWorkbook.Tests.Platform;

public sealed class ElfVersionNeedsTests : IDisposable
{
    private const ushort Weak = ElfVersionNeed.WeakFlag;
    private readonly string _folder = Directory.CreateTempSubdirectory("elf-needs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void PackageNeedsGlibcxx3432NonWeak()
    {
        var needs = ElfVersionNeeds.Read(TorchSharpPackage.NativeLibrary);

        // readelf -V: 5 Verneed entries with 1 + 1 + 1 + 5 + 20 Vernaux entries, none weak.
        Assert.Equal(28, needs.Count);
        Assert.Equal(20, needs.Count(need => need.FileName == "libstdc++.so.6"));
        Assert.All(needs, need => Assert.Equal(0, need.Flags));
        Assert.Equal(("ld-linux-x86-64.so.2", "GLIBC_2.3", 28), (needs[0].FileName, needs[0].VersionName, (int)needs[0].VersionIndex));
        var newest = Assert.Single(needs, need => need.VersionName == TorchSharpPackage.NewGlibcxx);
        Assert.Equal("libstdc++.so.6", newest.FileName);
        Assert.Equal(18, newest.VersionIndex);
        Assert.Equal(TorchSharpPackage.NewGlibcxxFlagsOffset, newest.FlagsOffset);
        Assert.False(newest.IsWeak);
    }

    [Fact]
    public void OnlyNonWeakGlibcxxNeedsTheHostLacksAreMissing()
    {
        var needs = ElfVersionNeeds.Read(TorchSharpPackage.NativeLibrary);
        var debian12 = needs.Select(need => need.VersionName).Where(name => name != TorchSharpPackage.NewGlibcxx).ToList();
        var newer = debian12.Append(TorchSharpPackage.NewGlibcxx).ToList();
        var copy = Path.Combine(_folder, "libLibTorchSharp.so");
        ElfVersionNeeds.WriteCopyWithWeakNeeds(TorchSharpPackage.NativeLibrary, copy, [TorchSharpPackage.NewGlibcxx]);

        Assert.Equal([TorchSharpPackage.NewGlibcxx], ElfVersionNeeds.MissingGlibcxx(needs, debian12));
        Assert.Empty(ElfVersionNeeds.MissingGlibcxx(needs, newer));
        Assert.Empty(ElfVersionNeeds.MissingGlibcxx(ElfVersionNeeds.Read(copy), debian12));
        // Only GLIBCXX_ versions count: a host that lacks CXXABI_1.3.13 is not patched for it.
        Assert.Empty(ElfVersionNeeds.MissingGlibcxx(needs, newer.Where(name => name != "CXXABI_1.3.13")));
    }

    [Fact]
    public void WeakCopyChangesOnlyThatVnaFlags()
    {
        var source = TorchSharpPackage.NativeLibrary;
        var original = File.ReadAllBytes(source);
        var copy = Path.Combine(_folder, "libLibTorchSharp.so");

        ElfVersionNeeds.WriteCopyWithWeakNeeds(source, copy, [TorchSharpPackage.NewGlibcxx]);

        var patched = File.ReadAllBytes(copy);
        Assert.Equal(original.Length, patched.Length);
        var offset = TorchSharpPackage.NewGlibcxxFlagsOffset;
        // vna_flags goes from 0x0000 to 0x0002 (little-endian): its low byte changes and its high byte stays 0.
        Assert.Equal([offset], DifferingOffsets(original, patched));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(original.AsSpan((int)offset)));
        Assert.Equal(Weak, BinaryPrimitives.ReadUInt16LittleEndian(patched.AsSpan((int)offset)));
        Assert.Equal(original, File.ReadAllBytes(source));
    }

    [Fact]
    public void WeakCopyParsesWithOnlyThatNeedChanged()
    {
        var copy = Path.Combine(_folder, "libLibTorchSharp.so");
        ElfVersionNeeds.WriteCopyWithWeakNeeds(TorchSharpPackage.NativeLibrary, copy, [TorchSharpPackage.NewGlibcxx]);

        var before = ElfVersionNeeds.Read(TorchSharpPackage.NativeLibrary);
        var after = ElfVersionNeeds.Read(copy);

        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            var expectedFlags = before[i].VersionName == TorchSharpPackage.NewGlibcxx ? Weak : before[i].Flags;
            Assert.Equal(
                (before[i].FileName, before[i].VersionName, expectedFlags, before[i].VersionIndex, before[i].FlagsOffset),
                (after[i].FileName, after[i].VersionName, after[i].Flags, after[i].VersionIndex, after[i].FlagsOffset));
        }
        Assert.Equal([TorchSharpPackage.NewGlibcxx], after.Where(need => need.IsWeak).Select(need => need.VersionName));
    }

    [Fact]
    public void PatchingTwiceGivesTheSameBytes()
    {
        var once = Path.Combine(_folder, "once.so");
        var twice = Path.Combine(_folder, "twice.so");
        ElfVersionNeeds.WriteCopyWithWeakNeeds(TorchSharpPackage.NativeLibrary, once, [TorchSharpPackage.NewGlibcxx]);
        ElfVersionNeeds.WriteCopyWithWeakNeeds(once, twice, [TorchSharpPackage.NewGlibcxx]);
        var firstBytes = File.ReadAllBytes(once);

        ElfVersionNeeds.WriteCopyWithWeakNeeds(once, once, [TorchSharpPackage.NewGlibcxx]);

        Assert.Equal(firstBytes, File.ReadAllBytes(twice));
        Assert.Equal(firstBytes, File.ReadAllBytes(once));
        Assert.Equal(["once.so", "twice.so"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
    }

    [LinuxFact]
    [SupportedOSPlatform("linux")]
    public void WeakCopyKeepsModeAndLastWriteTime()
    {
        var source = TorchSharpPackage.NativeLibrary;
        var copy = Path.Combine(_folder, "libLibTorchSharp.so");

        ElfVersionNeeds.WriteCopyWithWeakNeeds(source, copy, [TorchSharpPackage.NewGlibcxx]);

        Assert.Equal(File.GetUnixFileMode(source), File.GetUnixFileMode(copy));
        Assert.Equal(File.GetLastWriteTimeUtc(source), File.GetLastWriteTimeUtc(copy));
    }

    [LinuxFact]
    [SupportedOSPlatform("linux")]
    public void ReadOnlySourceGivesAReadOnlyWeakCopy()
    {
        var source = Write("read-only.so", File.ReadAllBytes(TorchSharpPackage.NativeLibrary));
        const UnixFileMode readOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(source, readOnly);
        var copy = Path.Combine(_folder, "copy.so");

        ElfVersionNeeds.WriteCopyWithWeakNeeds(source, copy, [TorchSharpPackage.NewGlibcxx]);

        Assert.Equal(readOnly, File.GetUnixFileMode(copy));
        Assert.True(Assert.Single(ElfVersionNeeds.Read(copy), need => need.VersionName == TorchSharpPackage.NewGlibcxx).IsWeak);
    }

    [Fact]
    public void UnknownVersionIsRejectedAndNothingIsWritten()
    {
        var copy = Path.Combine(_folder, "libLibTorchSharp.so");

        var error = Assert.Throws<ArgumentException>(
            () => ElfVersionNeeds.WriteCopyWithWeakNeeds(TorchSharpPackage.NativeLibrary, copy, ["GLIBCXX_9.9"]));

        Assert.Equal("versionNames", error.ParamName);
        Assert.Contains("GLIBCXX_9.9", error.Message);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void NonElfFileIsRejectedByPath()
    {
        var path = Write("notes.txt", "not a library"u8.ToArray());

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("not an ELF file", error.Message);
    }

    [Fact]
    public void ElfClass32IsRejectedByPath()
    {
        var header = File.ReadAllBytes(TorchSharpPackage.NativeLibrary)[..64];
        header[4] = 1;
        var path = Write("elf32.so", header);

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("not a 64-bit ELF file", error.Message);
    }

    [Theory]
    [InlineData(20)] // inside the ELF header
    [InlineData(4096)] // the section header table, at the end of the file, is cut off
    public void TruncatedFileIsRejectedByPath(int length)
    {
        var path = Write("truncated.so", File.ReadAllBytes(TorchSharpPackage.NativeLibrary)[..length]);

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("is truncated", error.Message);
    }

    [Fact]
    public void VersionNeedPointingPastTheEndIsRejectedByPath()
    {
        var bytes = File.ReadAllBytes(TorchSharpPackage.NativeLibrary);
        const int firstAuxField = 0x3f8f0 + 8; // vn_aux of the first Verneed entry
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(firstAuxField), 0x7fff_0000u);
        var path = Write("corrupt.so", bytes);

        var error = Assert.Throws<InvalidDataException>(() => ElfVersionNeeds.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("version need entry", error.Message);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static List<long> DifferingOffsets(byte[] left, byte[] right) =>
        Enumerable.Range(0, left.Length).Where(i => left[i] != right[i]).Select(i => (long)i).ToList();
}
