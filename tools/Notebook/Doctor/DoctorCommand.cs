using System.Diagnostics;
using System.Runtime.InteropServices;
using RnnWorkbook.Notebook.Execution;
using RnnWorkbook.Notebook.Formatting;
using TorchSharp;

namespace RnnWorkbook.Notebook.Doctor;

/// <summary>
/// Reports what a learner's machine has, for troubleshooting. The library's own reports (what the build did
/// to TorchSharp, where each corpus is) are read the way a notebook reads them: through a script session
/// that loads lib/RnnWorkbook/bin/RnnWorkbook.dll, which checks that path too.
/// </summary>
public static class DoctorCommand
{
    public static async Task<int> RunAsync(TextWriter stdout)
    {
        stdout.WriteLine($"sdk        {DotnetSdkVersion()}");
        stdout.WriteLine($"runtime    {RuntimeInformation.FrameworkDescription}");
        stdout.WriteLine($"os         {RuntimeInformation.OSDescription} ({RuntimeInformation.RuntimeIdentifier})");
        stdout.WriteLine($"engine     {AppContext.BaseDirectory}");
        var healthy = true;
        try
        {
            using var sum = torch.ones(3).sum();
            stdout.WriteLine($"torch      loads in the engine: ones(3).sum() = {sum.item<float>()}");
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or NotSupportedException)
        {
            stdout.WriteLine($"torch      does NOT load in the engine: {e.Message}");
            healthy = false;
        }

        var library = LibraryPath();
        if (library is null || !File.Exists(library))
        {
            stdout.WriteLine($"library    not found{(library is null ? "" : $" at {library}")}; build it with `dotnet build -c Release`.");
            return 1;
        }

        stdout.WriteLine($"library    {library}");
        var sink = new ConsoleSink(stdout);
        var session = new ScriptSession(Path.Combine(Path.GetDirectoryName(library)!, "doctor.ipynb"));
        var run = await session.RunAsync(
            $"""
            #r "{library}"
            Console.WriteLine();
            Console.WriteLine(RnnWorkbook.Platform.TorchSharpNative.Describe());
            Console.WriteLine();
            Console.WriteLine(RnnWorkbook.Data.Datasets.Status());
            """,
            cellNumber: 1,
            sink);
        if (run.Error is { } error)
        {
            stdout.WriteLine($"library    could not report: {error.Describe()}");
            healthy = false;
        }

        return healthy ? 0 : 1;
    }

    private static string? LibraryPath() =>
        RepositoryLocator.Find() is { } root ? Path.Combine(root, "lib", "RnnWorkbook", "bin", "RnnWorkbook.dll") : null;

    private static string DotnetSdkVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
            var version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found on PATH";
        }
    }

    private sealed class ConsoleSink(TextWriter stdout) : IOutputSink
    {
        public void WriteStream(string name, string text) => stdout.Write(text);

        public void Display(MimeBundle bundle, string displayId) => stdout.WriteLine(bundle.PlainText);

        public void UpdateDisplay(MimeBundle bundle, string displayId) => stdout.WriteLine(bundle.PlainText);
    }
}
