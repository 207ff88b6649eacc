using System.Text.Json.Nodes;
using RnnWorkbook.Notebook.Kernel;

namespace RnnWorkbook.Notebook.Tests.Kernel;

public class KernelSpecTests
{
    [Fact]
    public async Task Install_with_a_prefix_writes_kernel_json_for_jupyter_with_absolute_paths()
    {
        using var folder = new TempFolder();
        var stdout = new StringWriter();

        var code = await Cli.RunAsync(["kernel", "install", "--prefix", folder.Path], stdout, new StringWriter());

        Assert.Equal(0, code);
        var directory = Path.Combine(folder.Path, "share", "jupyter", "kernels", ".net-csharp");
        Assert.Equal(["kernel.json"], Directory.GetFiles(directory).Select(Path.GetFileName));
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "kernel.json")))!;
        Assert.Equal("C# (RnnWorkbook)", spec["display_name"]!.GetValue<string>());
        Assert.Equal("C#", spec["language"]!.GetValue<string>());
        Assert.Equal("message", spec["interrupt_mode"]!.GetValue<string>());
        var argv = spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();
        Assert.True(Path.IsPathFullyQualified(argv[0]) && File.Exists(argv[0]), argv[0]);
        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension(argv[0]));
        Assert.Equal(typeof(KernelCommand).Assembly.Location, argv[1]);
        Assert.Equal(["kernel", "run", "{connection_file}"], argv[2..]);
        Assert.Contains(directory, stdout.ToString());
    }

    [Fact]
    public void The_kernelspec_name_is_one_jupyter_client_accepts_and_the_notebooks_name()
    {
        // jupyter_client lowercases directory names and allows ASCII letters, digits, '-', '.', '_'.
        Assert.Matches("^[a-z0-9._-]+$", KernelSpecInstaller.Name);
        var notebook = Documents.NotebookDocument.Load(Path.Combine(Repository.Notebooks, "00-setup.ipynb"));
        Assert.Equal(KernelSpecInstaller.Name, notebook.Json["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Reinstalling_replaces_the_file_atomically_and_uninstall_removes_it()
    {
        using var folder = new TempFolder();
        var kernels = folder.File("kernels");

        KernelSpecInstaller.Install(kernels, "/usr/bin/dotnet", "/opt/old/Notebook.dll");
        var path = KernelSpecInstaller.Install(kernels, "/usr/bin/dotnet", "/opt/new/Notebook.dll");

        Assert.Contains("/opt/new/Notebook.dll", File.ReadAllText(path));
        Assert.Equal(["kernel.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        Assert.True(KernelSpecInstaller.Uninstall(kernels));
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
        Assert.False(KernelSpecInstaller.Uninstall(kernels));
    }

    [Fact]
    public void Uninstall_leaves_another_kernels_spec_of_the_same_name_alone()
    {
        using var folder = new TempFolder();
        var directory = Path.Combine(folder.Path, ".net-csharp");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "kernel.json"), """{"display_name": ".NET (C#)", "argv": []}""");

        var error = Assert.Throws<InvalidOperationException>(() => KernelSpecInstaller.Uninstall(folder.Path));

        Assert.Contains(".NET (C#)", error.Message);
        Assert.True(File.Exists(Path.Combine(directory, "kernel.json")));
    }

    [Theory]
    [InlineData("kernel", "kernel expects install")]
    [InlineData("kernel install --prefix", "expected --user or --prefix DIR")]
    [InlineData("kernel run", "kernel expects install")]
    public async Task Bad_kernel_arguments_exit_two_with_a_message(string arguments, string expected)
    {
        var stderr = new StringWriter();
        var code = await Cli.RunAsync(arguments.Split(' '), new StringWriter(), stderr);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr.ToString());
    }

    [Fact]
    public async Task Run_with_a_missing_connection_file_fails_naming_it()
    {
        var stderr = new StringWriter();
        var code = await Cli.RunAsync(["kernel", "run", "/nonexistent/kernel-1.json"], new StringWriter(), stderr);
        Assert.Equal(1, code);
        Assert.Contains("/nonexistent/kernel-1.json", stderr.ToString());
    }
}
