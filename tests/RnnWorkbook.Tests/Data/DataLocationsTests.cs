using RnnWorkbook.Data;

namespace RnnWorkbook.Tests.Data;

public sealed class DataLocationsTests
{
    private static readonly DatasetFile _file =
        new("wikitext-2", "sub/valid.txt", new Uri("https://example.org/valid.txt"), new string('0', 64), 1);

    [Fact]
    public void Paths_follow_the_dataset_then_file_layout()
    {
        var locations = new DataLocations("/m", "/c");

        Assert.Equal(Path.Combine("/m", "wikitext-2", "sub", "valid.txt"), locations.MirrorPath(_file));
        Assert.Equal(Path.Combine("/c", "wikitext-2", "sub", "valid.txt"), locations.CachePath(_file));
        Assert.Equal([locations.MirrorPath(_file)!, locations.CachePath(_file)], locations.PlacesFor(_file));
        Assert.Equal([locations.CachePath(_file)], new DataLocations(null, "/c").PlacesFor(_file));
        Assert.Null(new DataLocations(null, "/c").MirrorPath(_file));
    }

    [Fact]
    public void An_empty_cache_folder_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new DataLocations(null, " "));

        Assert.Equal("CacheRoot", e.ParamName);
    }

    [Fact]
    public void The_repository_is_found_from_the_test_folder()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "data", "datasets.json")));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "lib", "RnnWorkbook", "RnnWorkbook.csproj")));
    }

    [Fact]
    public void The_variables_name_the_mirror_and_the_cache_else_the_repository_cache_is_used()
    {
        // FromVariables is what FromEnvironment calls with the two variables' values; the process
        // environment is left alone because other tests may create the default store meanwhile.
        Assert.Equal(new DataLocations("/tmp/some-mirror", "/tmp/some-cache"), DataLocations.FromVariables("/tmp/some-mirror", "/tmp/some-cache"));
        Assert.Equal(new DataLocations(null, Path.Combine(RepositoryPaths.Root, "data", "cache")), DataLocations.FromVariables(null, " "));
    }
}
