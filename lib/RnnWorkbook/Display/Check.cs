using System.Diagnostics;

namespace RnnWorkbook.Display;

/// <summary>
/// Checks for a chapter's exercises. An exercise is a stub the learner completes (it throws
/// <see cref="NotImplementedException"/> until then) and a check cell that calls <see cref="Exercise(string, Action{ExerciseCheck}, string[])"/>.
/// The check prints one of: a pass; "not done yet" while the stub throws; or, on a wrong answer, the input,
/// the expected and the actual value with where they first differ, then the next hint. Hints are graded
/// (a nudge first) and appear only after a failed attempt or when asked for with <see cref="Hint"/>. A check
/// never fails the notebook: an exception in the learner's code is reported by name, so a chapter runs from
/// top to bottom either way. DEVELOPERS.md ("Exercises") describes how chapters lay exercises out and how the
/// tests run every solution against its check.
/// </summary>
public static class Check
{
    /// <summary>The default tolerance for numbers: relative above 1, absolute below (see <see cref="Close"/>).</summary>
    public const double DefaultTolerance = 1e-6;

    private static readonly Lock s_lock = new();
    private static readonly Dictionary<string, HintState> s_hints = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="check"/>, which compares the learner's answers with expected values through
    /// <see cref="ExerciseCheck"/> (it stops at the first case that differs), and prints the outcome.
    /// </summary>
    /// <param name="name">The exercise's name as the chapter numbers it, e.g. "1 · repeat collapse".</param>
    /// <param name="check">The cases; calls into the learner's code happen inside it.</param>
    /// <param name="hints">Graded hints, the gentlest first; none of them is the whole answer.</param>
    public static ExerciseOutcome Exercise(string name, Action<ExerciseCheck> check, params string[] hints)
    {
        ArgumentNullException.ThrowIfNull(check);
        var cases = new ExerciseCheck();
        return Run(name, hints, () =>
        {
            check(cases);
            return cases.Count == 0
                ? throw new InvalidOperationException($"the check of '{name}' compared nothing: call Cases, Equal or Close inside it.")
                : null;
        }, cases);
    }

    /// <summary>
    /// Runs a yes/no <paramref name="test"/>. Prefer the <see cref="ExerciseCheck"/> overload: a false here
    /// cannot show the learner which case failed.
    /// </summary>
    public static ExerciseOutcome Exercise(string name, Func<bool> test, params string[] hints)
    {
        ArgumentNullException.ThrowIfNull(test);
        return Run(name, hints, () => test() ? null : new Mismatch(null, "the check's condition is false (this check cannot say which case failed)."), null);
    }

    /// <summary>Prints the next hint of exercise <paramref name="name"/> (its check cell must have run once).</summary>
    public static void Hint(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        HintState? state;
        lock (s_lock)
        {
            s_hints.TryGetValue(name, out state);
        }

        Console.WriteLine(state is null
            ? $"No exercise named \"{name}\" has been checked yet: run its check cell once, then ask again."
            : $"{name}: {state.Next()}");
    }

    /// <summary>True when <paramref name="actual"/> is within <paramref name="tolerance"/> of <paramref name="expected"/>, relative when |expected| &gt; 1.</summary>
    public static bool Close(double expected, double actual, double tolerance = DefaultTolerance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            return double.IsNaN(expected) && double.IsNaN(actual);
        }

        return expected == actual || Math.Abs(expected - actual) <= Allowed(expected, tolerance);
    }

    /// <summary>The absolute difference <see cref="Close"/> allows around <paramref name="expected"/>.</summary>
    internal static double Allowed(double expected, double tolerance) => tolerance * Math.Max(1, Math.Abs(expected));

    private static ExerciseOutcome Run(string name, string[] hints, Func<Mismatch?> attempt, ExerciseCheck? cases)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(hints);
        HintState state;
        lock (s_lock)
        {
            if (!s_hints.TryGetValue(name, out state!) || !state.Hints.SequenceEqual(hints))
            {
                state = new HintState(hints);
                s_hints[name] = state;
            }
        }

        Mismatch? mismatch;
        try
        {
            mismatch = attempt();
        }
        catch (NotImplementedException)
        {
            var ask = hints.Length > 0 ? $" Stuck? Check.Hint(\"{name}\") gives a nudge." : "";
            Console.WriteLine($"◻ {name}: not done yet: the stub still throws NotImplementedException. Write its body, run that cell, then this one.{ask}");
            return ExerciseOutcome.NotStarted;
        }
        catch (ExerciseCheck.MismatchException e)
        {
            mismatch = e.Mismatch;
        }
        catch (Exception e) when (e is not (OperationCanceledException or ThreadInterruptedException or OutOfMemoryException))
        {
            var input = cases?.CurrentInput is { } current ? $" on input {current}" : "";
            var where = LearnerFrame(e) is { } frame ? $" ({frame})" : "";
            Console.WriteLine($"✗ {name}: your code threw {e.GetType().Name}{input}{where}: {e.Message}");
            Console.WriteLine($"  {state.Next()}");
            return ExerciseOutcome.NotYet;
        }

        if (mismatch is null)
        {
            var count = cases is { Count: > 1 } ? $" ({cases.Count:N0} cases)" : "";
            Console.WriteLine($"✓ {name}: correct{count}.");
            return ExerciseOutcome.Passed;
        }

        Console.WriteLine($"✗ {name}: not yet.");
        Console.WriteLine(mismatch.Describe());
        Console.WriteLine($"  {state.Next()}");
        return ExerciseOutcome.NotYet;
    }

    /// <summary>"in ObjectParticle, line 2 of cell 54": the innermost frame that is notebook code, when debug information names it.</summary>
    private static string? LearnerFrame(Exception e)
    {
        foreach (var frame in new StackTrace(e, fNeedFileInfo: true).GetFrames())
        {
            var file = frame.GetFileName();
            var cell = file?.LastIndexOf("#cell", StringComparison.Ordinal) ?? -1;
            if (file is null || cell < 0 || frame.GetMethod() is not { } method)
            {
                continue;
            }

            var methodName = method.Name.StartsWith('<') ? "" : $"in {method.Name}, ";
            return $"{methodName}line {frame.GetFileLineNumber()} of cell {file[(cell + 5)..]}";
        }

        return null;
    }

    /// <summary>The hints of one exercise and how many the learner has seen.</summary>
    private sealed class HintState(string[] hints)
    {
        private readonly Lock _lock = new();
        private int _shown;

        public string[] Hints { get; } = hints;

        public string Next()
        {
            lock (_lock)
            {
                if (Hints.Length == 0)
                {
                    return "(this exercise has no hints; the worked solution is folded below the check cell.)";
                }

                if (_shown == Hints.Length)
                {
                    return $"(no more hints: that was the last of {Hints.Length}; the worked solution is folded below the check cell.)";
                }

                _shown++;
                return $"hint {_shown} of {Hints.Length}: {Hints[_shown - 1]}";
            }
        }
    }
}
