using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace RnnWorkbook.Notebook.Execution;

/// <summary>Turns compiler diagnostics and runtime exceptions into <see cref="CellError"/>s with cell positions.</summary>
internal static class ErrorReports
{
    public static CellError FromCompilation(CompilationErrorException exception)
    {
        var errors = exception.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        var first = errors.FirstOrDefault();
        var position = first?.Location.GetLineSpan().StartLinePosition;
        var traceback = errors.Select(d =>
        {
            var p = d.Location.GetLineSpan().StartLinePosition;
            return $"({p.Line + 1},{p.Character + 1}): error {d.Id}: {d.GetMessage()}";
        }).ToList();
        return new CellError(
            "CompilationError",
            first is null ? exception.Message : $"{first.Id}: {first.GetMessage()}",
            traceback,
            position?.Line + 1,
            position?.Character + 1);
    }

    public static CellError FromException(Exception exception, Func<string?, bool> isCellFile)
    {
        while (exception is TargetInvocationException { InnerException: { } inner })
        {
            exception = inner;
        }

        var frames = new StackTrace(exception, fNeedFileInfo: true).GetFrames();
        var cellFrame = frames.FirstOrDefault(f => isCellFile(f.GetFileName()));
        int? line = cellFrame?.GetFileLineNumber() is > 0 and var l ? l : null;
        var traceback = new List<string> { $"{exception.GetType().FullName}: {exception.Message}" };
        traceback.AddRange(CollapseRepeats(frames
            .Where(f => f.GetMethod() is { } m && !IsScriptPlumbing(m))
            .Select(Describe)));
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            traceback.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
        }

        return new CellError(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, traceback, line, null);

        string Describe(StackFrame frame)
        {
            var method = frame.GetMethod()!;
            var where = isCellFile(frame.GetFileName()) && frame.GetFileLineNumber() > 0
                ? $" in cell, line {frame.GetFileLineNumber()}"
                : "";
            return $"   at {method.DeclaringType?.FullName}.{method.Name}{where}";
        }
    }

    /// <summary>A deep recursion's thousands of equal frames as the first few and one line counting the rest.</summary>
    private static IEnumerable<string> CollapseRepeats(IEnumerable<string> frames)
    {
        const int shown = 3;
        string? previous = null;
        var repeats = 0;
        foreach (var frame in frames)
        {
            if (frame == previous)
            {
                if (++repeats < shown)
                {
                    yield return frame;
                }

                continue;
            }

            if (repeats >= shown)
            {
                yield return $"   ... the line above {repeats - shown + 1:N0} more times";
            }

            previous = frame;
            repeats = 0;
            yield return frame;
        }

        if (repeats >= shown)
        {
            yield return $"   ... the line above {repeats - shown + 1:N0} more times";
        }
    }

    private static bool IsScriptPlumbing(MethodBase method) =>
        method.DeclaringType?.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true
        || method.DeclaringType?.Namespace?.StartsWith("System.Runtime.CompilerServices", StringComparison.Ordinal) == true
        || method.DeclaringType?.Namespace?.StartsWith("System.Runtime.ExceptionServices", StringComparison.Ordinal) == true;
}
