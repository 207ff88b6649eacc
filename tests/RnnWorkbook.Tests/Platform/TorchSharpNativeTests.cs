using RnnWorkbook.Platform;
using TorchSharp;

namespace RnnWorkbook.Tests.Platform;

public sealed class TorchSharpNativeTests
{
    [LinuxFact]
    public void OutputCopyIsWeakOnlyWhereTheHostLacksTheVersion()
    {
        var package = File.ReadAllBytes(TorchSharpPackage.NativeLibrary);
        var copy = File.ReadAllBytes(TorchSharpPackage.OutputCopy);
        var host = HostLibStdCxx.GlibcxxVersions(HostLibStdCxx.Find()!);

        if (host.Contains(TorchSharpPackage.NewGlibcxx))
        {
            Assert.Equal(package, copy);
            return;
        }
        var need = Assert.Single(ElfVersionNeeds.Read(TorchSharpPackage.OutputCopy), n => n.VersionName == TorchSharpPackage.NewGlibcxx);
        Assert.True(need.IsWeak);
        Assert.Equal(package.Length, copy.Length);
        var differing = Enumerable.Range(0, package.Length).Where(i => package[i] != copy[i]);
        Assert.Equal([TorchSharpPackage.NewGlibcxxFlagsOffset], differing.Select(i => (long)i));
    }

    [Fact]
    public void TorchSharpComputesAMatrixProduct()
    {
        using var a = torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        using var b = torch.tensor(new float[] { 5, 6, 7, 8 }, [2, 2]);

        using var product = a.matmul(b);

        // [[1, 2], [3, 4]] · [[5, 6], [7, 8]] = [[1·5 + 2·7, 1·6 + 2·8], [3·5 + 4·7, 3·6 + 4·8]]
        Assert.Equal([19f, 22f, 43f, 50f], product.data<float>().ToArray());
    }

    [Fact]
    public void DescribeReportsThatTorchSharpLoads()
    {
        var report = TorchSharpNative.Describe();

        Assert.True(report.Loads, report.ToString());
        Assert.Null(report.LoadError);
        Assert.Empty(report.Blocking);
        Assert.StartsWith("TorchSharp loads", report.ToString());
        TorchSharpNative.EnsureLoaded();
    }

    [LinuxFact]
    public void DescribeReadsTheLoadedCopyAndTheHost()
    {
        var report = TorchSharpNative.Describe();

        Assert.Equal(TorchSharpPackage.OutputCopy, report.NativeLibraryPath);
        Assert.Equal(HostLibStdCxx.Find(), report.HostLibStdCxxPath);
        Assert.Equal(TorchSharpPackage.NewGlibcxx, report.RequiredGlibcxx[^1]);
        Assert.Equal(14, report.RequiredGlibcxx.Count); // readelf -V: libstdc++'s 20 needs are 14 GLIBCXX_ and 6 CXXABI_
        var hostLacksIt = report.MissingOnHost.Contains(TorchSharpPackage.NewGlibcxx);
        Assert.Equal(hostLacksIt ? [TorchSharpPackage.NewGlibcxx] : [], report.WeakGlibcxx);
        if (hostLacksIt)
            Assert.Contains($"The host lacks {TorchSharpPackage.NewGlibcxx}, so the build marked it weak", report.ToString());
    }

    [Fact]
    public void ReportOfAnUnpatchedCopyExplainsTheFix()
    {
        var report = new TorchSharpNativeReport(
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30", "GLIBCXX_3.4.30", "/app/runtimes/linux-x64/native/libLibTorchSharp.so",
            ["GLIBCXX_3.4", "GLIBCXX_3.4.30", "GLIBCXX_3.4.32"], [], ["GLIBCXX_3.4.32"], false, "Unable to load LibTorchSharp");

        var text = report.ToString();

        Assert.Equal(["GLIBCXX_3.4.32"], report.Blocking);
        Assert.StartsWith("TorchSharp does not load: Unable to load LibTorchSharp", text);
        Assert.Contains("asks for 3 GLIBCXX versions, up to GLIBCXX_3.4.32", text);
        Assert.Contains("The host lacks GLIBCXX_3.4.32 and this copy still requires it, so the loader refuses the library.", text);
        Assert.Contains("Fix: rebuild the project (dotnet build).", text);
        Assert.DoesNotContain("marked", text);
    }
}
