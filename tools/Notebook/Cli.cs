using System.Globalization;
using RnnWorkbook.Notebook.Documents;
using RnnWorkbook.Notebook.Doctor;
using RnnWorkbook.Notebook.Kernel;
using RnnWorkbook.Notebook.Runner;
using RnnWorkbook.Notebook.Sync;

namespace RnnWorkbook.Notebook;

/// <summary>The command line: <c>run</c>, <c>doctor</c>, <c>convert</c>, <c>clear</c>, <c>sync</c>, <c>kernel</c>.</summary>
public static class Cli
{
    public const string Usage = """
        usage:
          notebook run <notebooks or folders...> [--output DIR | --inplace] [--timeout SECONDS] [--fail-fast]
                       [--parameter NAME=VALUE]...
              Executes C# notebooks (.ipynb, .dib) headlessly, cell by cell, and writes executed copies
              (default folder: artifacts/notebooks). Exit code 1 if any cell fails. --parameter (repeatable)
              sets a variable of the cell tagged "parameters" (VALUE is a C# expression, e.g. epochs=1 or
              corpus="\"small\""): a cell tagged "injected-parameters" with the assignments runs right after it.
          notebook doctor
              Reports the SDK, runtime, OS, libstdc++, whether TorchSharp loads, and the data mirror and cache.
          notebook convert <file.dib> [--output FILE.ipynb]
              Converts a Polyglot .dib file into a Jupyter notebook without outputs.
          notebook clear <notebooks or folders...>
              Removes outputs and execution counts in place, as notebooks are committed.
          notebook sync <notebooks or folders...> [--check]
              Rewrites teaching cells and excerpts ("// from lib/...") from the library; --check only reports drift (exit 1).
          notebook kernel install [--user | --prefix DIR]
              Installs the Jupyter kernelspec ".net-csharp" ("C# (RnnWorkbook)") for VS Code, JupyterLab and
              nbclient (--user, the default: ~/.local/share/jupyter/kernels; --prefix: DIR/share/jupyter/kernels).
          notebook kernel uninstall [--user | --prefix DIR]
              Removes that kernelspec.
          notebook kernel run <connection-file>
              Serves one Jupyter kernel on this engine (Jupyter runs this; you do not need to).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            return args[0] switch
            {
                "run" => await RunNotebooksAsync(args[1..], stdout),
                "doctor" => await DoctorCommand.RunAsync(stdout),
                "convert" => Convert(args[1..], stdout),
                "clear" => Clear(args[1..], stdout),
                "sync" => SyncNotebooks(args[1..], stdout),
                "kernel" => await KernelCommand.RunAsync(args[1..], stdout, stderr),
                _ => throw new ArgumentException($"unknown command '{args[0]}'."),
            };
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine($"notebook: {e.Message}");
            stderr.WriteLine(Usage);
            return 2;
        }
    }

    private static async Task<int> RunNotebooksAsync(string[] args, TextWriter stdout)
    {
        var paths = new List<string>();
        string? output = null;
        var inPlace = false;
        var failFast = false;
        TimeSpan? timeout = null;
        var parameters = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--output":
                    output = Value(args, ref i);
                    break;
                case "--inplace":
                    inPlace = true;
                    break;
                case "--fail-fast":
                    failFast = true;
                    break;
                case "--parameter":
                    parameters.Add(NotebookParameters.ParseAssignment(Value(args, ref i)));
                    break;
                case "--timeout":
                    var text = Value(args, ref i);
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                    {
                        throw new ArgumentException($"--timeout expects a positive number of seconds, got '{text}'.");
                    }

                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new ArgumentException($"unknown option '{option}'.");
                default:
                    paths.Add(args[i]);
                    break;
            }
        }

        if (inPlace && output is not null)
        {
            throw new ArgumentException("--output and --inplace cannot be used together.");
        }

        var notebooks = NotebookFiles.Expand(paths);
        var runner = new NotebookRunner(new RunOptions(timeout, output, inPlace, failFast, parameters), stdout);
        var results = new List<NotebookRunResult>();
        foreach (var notebook in notebooks)
        {
            var result = await runner.RunAsync(notebook);
            results.Add(result);
            if (result.TimedOut || (failFast && !result.Succeeded))
            {
                break;
            }
        }

        var failed = results.Where(r => !r.Succeeded).ToList();
        stdout.WriteLine();
        stdout.WriteLine($"{results.Count - failed.Count} notebooks passed, {failed.Count} failed");
        foreach (var result in failed)
        {
            stdout.WriteLine($"  ✗ {result.DescribeFailure()}");
        }

        return failed.Count == 0 && results.Count == notebooks.Count ? 0 : 1;
    }

    private static int Convert(string[] args, TextWriter stdout)
    {
        if (args.Length is not (1 or 3) || (args.Length == 3 && args[1] != "--output"))
        {
            throw new ArgumentException("convert expects <file.dib> [--output FILE.ipynb].");
        }

        var notebook = NotebookDocument.Load(args[0]);
        var target = args.Length == 3 ? args[2] : Path.ChangeExtension(args[0], ".ipynb");
        notebook.ClearOutputs();
        IpynbFormat.Write(notebook, target);
        stdout.WriteLine($"{args[0]} → {target} ({notebook.Cells.Count} cells)");
        return 0;
    }

    private static int Clear(string[] args, TextWriter stdout)
    {
        foreach (var path in NotebookFiles.Expand(args).Where(p => p.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)))
        {
            var notebook = NotebookDocument.Load(path);
            notebook.ClearOutputs();
            IpynbFormat.Write(notebook, path);
            stdout.WriteLine($"cleared {path}");
        }

        return 0;
    }

    private static int SyncNotebooks(string[] args, TextWriter stdout)
    {
        var check = args.Contains("--check");
        var notebooks = NotebookFiles.Expand(args.Where(a => a != "--check"))
            .Where(p => p.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase));
        var root = RepositoryRoot();
        var drifted = 0;
        foreach (var path in notebooks)
        {
            if (check)
            {
                foreach (var problem in NotebookSync.Check(path, root))
                {
                    stdout.WriteLine(problem.Describe());
                    drifted++;
                }
            }
            else if (NotebookSync.Fix(path, root) is > 0 and var changed)
            {
                stdout.WriteLine($"{path}: {changed} teaching cells or excerpt cells rewritten from the library");
            }
        }

        return drifted == 0 ? 0 : 1;
    }

    private static string RepositoryRoot() =>
        RepositoryLocator.Find() ?? throw new ArgumentException($"run sync inside the repository ({RepositoryLocator.SolutionFile} not found).");

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} expects a value.");
}
