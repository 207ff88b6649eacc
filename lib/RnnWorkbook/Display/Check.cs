namespace RnnWorkbook.Display;

/// <summary>
/// Checks for the exercises at the end of each chapter. An exercise is a stub the learner completes (it
/// throws <see cref="NotImplementedException"/> until then); its check cell prints a friendly pass, a hint,
/// or "not done yet", and never fails the notebook, so a chapter runs from top to bottom either way.
/// </summary>
public static class Check
{
    /// <summary>Runs <paramref name="test"/> and prints the outcome with <paramref name="hint"/> when it is not a pass.</summary>
    public static ExerciseOutcome Exercise(string name, Func<bool> test, string hint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(hint);
        ExerciseOutcome outcome;
        try
        {
            outcome = test() ? ExerciseOutcome.Passed : ExerciseOutcome.NotYet;
        }
        catch (NotImplementedException)
        {
            outcome = ExerciseOutcome.NotStarted;
        }
        catch (Exception e) when (e is ArithmeticException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException)
        {
            Console.WriteLine($"✗ {name}: your code threw {e.GetType().Name}: {e.Message}");
            return ExerciseOutcome.NotYet;
        }

        Console.WriteLine(outcome switch
        {
            ExerciseOutcome.Passed => $"✓ {name}: correct.",
            ExerciseOutcome.NotStarted => $"◻ {name}: not done yet. Hint: {hint}",
            _ => $"✗ {name}: not yet. Hint: {hint}",
        });
        return outcome;
    }

    /// <summary>True when <paramref name="actual"/> is within <paramref name="tolerance"/> of <paramref name="expected"/>.</summary>
    public static bool Close(double expected, double actual, double tolerance = 1e-6)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        return Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected));
    }
}
