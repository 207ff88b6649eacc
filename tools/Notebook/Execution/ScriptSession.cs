using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RnnWorkbook.Notebook.Formatting;

namespace RnnWorkbook.Notebook.Execution;

/// <summary>
/// One Roslyn scripting session: the cells of one notebook run in order, each continuing the state of the
/// previous one, as in Polyglot Notebooks' C# kernel. A failed cell leaves the variables it already
/// assigned, and the next cell continues from there.
/// </summary>
public sealed class ScriptSession
{
    private static readonly string[] s_imports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    private static readonly ConcurrentDictionary<string, MetadataReference> s_referenceCache = new();

    // ScriptOptions.Default names the framework assemblies; left as names, Roslyn resolves them again for every
    // cell and reads their metadata anew, which was half of a small cell's time. Resolved once, all share them.
    private static readonly Lazy<MetadataReference[]> s_frameworkReferences = new(() =>
        ScriptOptions.Default.MetadataReferences
            .SelectMany(r => r is UnresolvedMetadataReference name
                ? ScriptOptions.Default.MetadataResolver.ResolveReference(name.Reference, null, name.Properties).Cast<MetadataReference>()
                : [r])
            .ToArray());

    private readonly PackageSet _packages;
    private readonly NotebookGlobals _globals = new();
    private readonly string _cellPathPrefix;
    private ScriptOptions _options;
    private ScriptState<object>? _state;

    /// <param name="notebookPath">The notebook's path: relative <c>#r</c> paths resolve against its folder.</param>
    /// <param name="packages">The packages <c>#r "nuget: ..."</c> may load; the running application's by default.</param>
    /// <param name="references">More assemblies every cell sees (the kernel's interrupt check).</param>
    public ScriptSession(string notebookPath, PackageSet? packages = null, IEnumerable<System.Reflection.Assembly>? references = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(notebookPath);
        var full = Path.GetFullPath(notebookPath);
        var directory = Path.GetDirectoryName(full)!;
        _packages = packages ?? PackageSet.Current;
        _cellPathPrefix = full + "#cell";
        // A new page for chart HTML: the first chart of this notebook carries plotly.js (RnnWorkbook.Display.ChartHtml).
        AppContext.SetData("RnnWorkbook.Display.Page", new object());
        _options = ScriptOptions.Default
            .WithReferences(s_frameworkReferences.Value)
            .WithImports(s_imports)
            .AddReferences(typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly)
            .AddReferences((references ?? []).Append(typeof(StackGuard).Assembly).Distinct())
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory))
            .WithSourceResolver(new SourceFileResolver([], directory))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8);
    }

    /// <summary>How many cells this session has run (Jupyter's execution count).</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>The options the next cell compiles with (references added by earlier cells included).</summary>
    internal ScriptOptions Options => _options;

    /// <summary>The chain of cells that compiled so far, newest last; null before the first. The kernel's completions continue it.</summary>
    internal Script? Script => _state?.Script;

    /// <summary>Runs <paramref name="source"/> as cell <paramref name="cellNumber"/>; outputs go to <paramref name="sink"/>.</summary>
    public async Task<CellRun> RunAsync(string source, int cellNumber, IOutputSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sink);
        ExecutionCount++;
        var stopwatch = Stopwatch.StartNew();
        PreparedCell prepared;
        try
        {
            prepared = CellPreprocessor.Prepare(source);
        }
        catch (NotebookException e)
        {
            return new CellRun(null, new CellError("NotebookError", e.Message, [e.Message], e.Line, null), stopwatch.Elapsed, false);
        }

        foreach (var package in prepared.Packages)
        {
            try
            {
                _options = _options.AddReferences((await _packages.ResolveAsync(package, cancellationToken)).Select(Reference));
            }
            catch (NotebookException e)
            {
                var message = $"line {package.Line}: {e.Message}";
                return new CellRun(null, new CellError("NotebookError", message, [message], package.Line, null), stopwatch.Elapsed, false);
            }
        }

        // A cell with a single line of code needs no line table: any error in it is on that line. Skipping
        // the PDB saves about 5 ms per such cell, a quarter of a kernel's `1+1` round trip.
        var onlyLine = OnlyCodeLine(prepared.Code);
        var code = StackGuardRewriter.Rewrite(prepared.Code);
        var options = _options.WithFilePath(_cellPathPrefix + cellNumber).WithEmitDebugInformation(onlyLine is null);
        using var scope = OutputContext.Enter(sink);
        try
        {
            var state = _state is null
                ? await CSharpScript.Create(code, options, typeof(NotebookGlobals)).RunAsync(_globals, _ => true, cancellationToken)
                : await _state.ContinueWithAsync(code, options, _ => true, cancellationToken);
            _state = state;
            stopwatch.Stop();
            if (state.Exception is { } thrown)
            {
                var error = ErrorReports.FromException(thrown, IsCellFile);
                return new CellRun(null, error.Line is null && onlyLine is { } line ? error with { Line = line } : error, stopwatch.Elapsed, prepared.Time);
            }

            var result = state.ReturnValue is { } value ? ValueFormatter.Format(value) : null;
            return new CellRun(result, null, stopwatch.Elapsed, prepared.Time);
        }
        catch (CompilationErrorException e)
        {
            return new CellRun(null, ErrorReports.FromCompilation(e), stopwatch.Elapsed, prepared.Time);
        }
    }

    /// <summary>The 1-based line of the cell's only line of code, or null when it has none or several.</summary>
    private static int? OnlyCodeLine(string code)
    {
        int? found = null;
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = i + 1;
        }

        return found;
    }

    private bool IsCellFile(string? file) => file?.StartsWith(_cellPathPrefix, StringComparison.Ordinal) == true;

    private static MetadataReference Reference(string path) =>
        s_referenceCache.GetOrAdd(path, p => MetadataReference.CreateFromFile(p));
}
