namespace RnnWorkbook.Notebook.Tests.Kernel;

/// <summary>
/// The same notebooks under the real .NET Interactive (the kernel Polyglot Notebooks runs), pinned in
/// .config/dotnet-tools.json: every chapter, with its quick parameters, through that kernel's kernelspec, cell by
/// cell with the runner's output types. That kernel takes a minute or more per chapter (it restores the chapter's
/// `#r "nuget: ..."` packages each time), so the chapters are dealt into two shards, each a class of its own: the
/// two run side by side, and beside <see cref="NbclientTests"/>.
/// </summary>
public abstract class DotnetInteractiveShard(int shard)
{
    private const int Shards = 2;

    /// <summary>The chapters of this shard: every other one, so that each shard gets early and late chapters.</summary>
    internal IReadOnlyList<string> Chapters => [.. ExecutedChapters.Names().Where((_, i) => i % Shards == shard)];

    protected async Task RunShardAsync()
    {
        using var folder = new TempFolder();
        var kernels = await DotnetInteractiveFactAttribute.InstallKernelAsync(folder.File("dotnet-interactive"));

        var report = await NbclientTests.RunChaptersAsync(folder, "dotnet-interactive", kernels, Chapters);

        Assert.Contains($"{Chapters.Count} notebooks through nbclient (dotnet-interactive), 0 problems", report);
        Assert.Contains($"{Chapters[0]}:", report);
    }
}

public sealed class DotnetInteractiveTests() : DotnetInteractiveShard(0)
{
    [DotnetInteractiveFact]
    public Task Even_chapters_run_through_the_real_dotnet_interactive_kernel_with_the_runners_output_types() => RunShardAsync();
}

public sealed class DotnetInteractiveOddTests() : DotnetInteractiveShard(1)
{
    [DotnetInteractiveFact]
    public Task Odd_chapters_run_through_the_real_dotnet_interactive_kernel_with_the_runners_output_types() => RunShardAsync();
}
