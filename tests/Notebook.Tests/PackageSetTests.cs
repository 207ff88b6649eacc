using System.Xml.Linq;
using RnnWorkbook.Notebook.Execution;

namespace RnnWorkbook.Notebook.Tests;

public class PackageSetTests
{
    [Fact]
    public void The_engine_embeds_the_repository_package_versions()
    {
        var fromRepository = PackageSet.ParseCentralVersions(XDocument.Load(Path.Combine(Repository.Root, "Directory.Packages.props")));
        Assert.Equal(fromRepository.OrderBy(p => p.Key), PackageSet.Current.CentralVersions.OrderBy(p => p.Key));
        Assert.Equal("0.107.0", PackageSet.Current.CentralVersions["TorchSharp-cpu"]);
    }

    [Fact]
    public void A_package_resolves_to_its_assemblies_and_its_dependencies()
    {
        var files = PackageSet.Current.Resolve(new PackageReference("TorchSharp-cpu", "0.107.0")).Select(Path.GetFileName).ToArray();
        Assert.Contains("TorchSharp.dll", files);
        Assert.Contains("Plotly.NET.dll", PackageSet.Current.Resolve(new PackageReference("Plotly.NET.CSharp", null)).Select(Path.GetFileName));
    }

    [Fact]
    public void Another_version_fails_naming_the_version_the_library_uses()
    {
        var error = Assert.Throws<NotebookException>(() => PackageSet.Current.Resolve(new PackageReference("Plotly.NET", "5.0.0")));
        Assert.Contains("the workbook's library uses Plotly.NET 6.0.0", error.Message);
        Assert.Contains("#r \"nuget: Plotly.NET, 6.0.0\"", error.Message);
    }

    [Fact]
    public void Equal_versions_written_differently_are_accepted()
    {
        Assert.NotEmpty(PackageSet.Current.Resolve(new PackageReference("Plotly.NET", "6.0")));
    }

    [Fact]
    public void A_package_outside_the_set_fails_listing_what_notebooks_can_load()
    {
        var error = Assert.Throws<NotebookException>(() => PackageSet.Current.Resolve(new PackageReference("Newtonsoft.Json", "13.0.3")));
        Assert.Contains("Newtonsoft.Json is not one of the workbook's packages", error.Message);
        Assert.Contains("TorchSharp-cpu 0.107.0", error.Message);
    }

    [Fact]
    public void A_test_only_package_is_refused_for_notebooks()
    {
        var error = Assert.Throws<NotebookException>(() => PackageSet.Current.Resolve(new PackageReference("BenchmarkDotNet", null)));
        Assert.Contains("not one that notebooks load", error.Message);
    }
}
