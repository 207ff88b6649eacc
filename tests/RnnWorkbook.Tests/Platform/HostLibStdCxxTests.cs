using RnnWorkbook.Platform;

namespace RnnWorkbook.Tests.Platform;

public sealed class HostLibStdCxxTests
{
    [LinuxFact]
    public void FindsTheHostLibraryAndItsGlibcxxVersions()
    {
        var path = HostLibStdCxx.Find();

        Assert.NotNull(path);
        Assert.True(File.Exists(path), path);
        var versions = HostLibStdCxx.GlibcxxVersions(path);
        // TorchSharp 0.107.0 needs GLIBCXX_3.4.30 non-weakly, so every host that runs it defines it (Debian 12's newest).
        Assert.Contains("GLIBCXX_3.4.30", versions);
        // GCC's libstdc++ defines every GLIBCXX_3.4.n up to its newest (readelf -V: 31 names up to 3.4.30 on Debian 12).
        Assert.Equal(["GLIBCXX_3.4", .. Enumerable.Range(1, versions.Count - 1).Select(n => $"GLIBCXX_3.4.{n}")], versions);
    }

    [LinuxFact]
    public void TheLibraryFoundIsTheOneThisProcessMapped()
    {
        var maps = File.ReadAllText("/proc/self/maps");

        Assert.Equal(HostLibStdCxx.MappedPath(maps, HostLibStdCxx.FileName), HostLibStdCxx.Find());
    }

    [Fact]
    public void MappedPathReadsTheFirstMatchingMapping()
    {
        const string maps = """
            55d0c0a00000-55d0c0a02000 r--p 00000000 fd:01 131 /usr/share/dotnet/dotnet
            7f3a10000000-7f3a10021000 rw-p 00000000 00:00 0 [heap]
            7f3a12200000-7f3a12297000 r--p 00000000 fd:01 5000 /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
            7f3a12297000-7f3a123c0000 r-xp 00097000 fd:01 5000 /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
            """;

        Assert.Equal("/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30", HostLibStdCxx.MappedPath(maps, "libstdc++.so.6"));
        Assert.Null(HostLibStdCxx.MappedPath(maps, "libLibTorchSharp.so"));
    }

    [Fact]
    public void LdconfigOutputGivesTheX64Entry()
    {
        const string output = """
            1372 libs found in cache `/etc/ld.so.cache'
            	libstdc++fs.so.6 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libstdc++fs.so.6
            	libstdc++.so.6 (libc6) => /usr/lib/i386-linux-gnu/libstdc++.so.6
            	libstdc++.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libstdc++.so.6
            """;

        Assert.Equal("/lib/x86_64-linux-gnu/libstdc++.so.6", HostLibStdCxx.FromLdconfig(output));
        Assert.Null(HostLibStdCxx.FromLdconfig("0 libs found in cache `/etc/ld.so.cache'\n"));
    }

    [Fact]
    public void VersionsOrderByNumberNotText()
    {
        string[] names = ["GLIBCXX_3.4.30", "GLIBCXX_3.4.9", "GLIBCXX_3.4", "GLIBCXX_3.4.10"];

        Assert.Equal(["GLIBCXX_3.4", "GLIBCXX_3.4.9", "GLIBCXX_3.4.10", "GLIBCXX_3.4.30"], names.Order(VersionComparer.Instance));
    }
}
