namespace RnnWorkbook.Display;

/// <summary>
/// The comparisons an exercise's check makes, handed to the lambda of
/// <see cref="Check.Exercise(string, Action{ExerciseCheck}, string[])"/>. Each compares one answer with the
/// expected value and, at the first difference, stops the check so that it can show that case: numbers
/// within a tolerance, strings to the first differing character, sequences to the first differing index,
/// dictionaries key by key, tuples item by item.
/// </summary>
public sealed class ExerciseCheck
{
    internal ExerciseCheck()
    {
    }

    /// <summary>How many comparisons passed so far.</summary>
    public int Count { get; private set; }

    /// <summary>The input of the case being run, shown when the learner's code throws on it.</summary>
    internal string? CurrentInput { get; private set; }

    /// <summary>Calls <paramref name="attempt"/> on each input and compares its result with the expected one.</summary>
    public void Cases<TInput, TResult>(IEnumerable<(TInput Input, TResult Expected)> cases, Func<TInput, TResult> attempt, double tolerance = Check.DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(attempt);
        foreach (var (input, expected) in cases)
        {
            CurrentInput = ValueText.Show(input);
            var actual = attempt(input);
            Compare(expected, actual, CurrentInput, tolerance);
        }

        CurrentInput = null;
    }

    /// <summary>Compares one answer with the expected value; <paramref name="input"/> says what the answer was computed from.</summary>
    public void Equal<T>(T expected, T actual, string? input = null, double tolerance = Check.DefaultTolerance) =>
        Compare(expected, actual, input, tolerance);

    /// <summary>Compares a number within <paramref name="tolerance"/> (relative when |expected| &gt; 1).</summary>
    public void Close(double expected, double actual, string? input = null, double tolerance = Check.DefaultTolerance) =>
        Compare(expected, actual, input, tolerance);

    /// <summary>A property the answer must have, for answers with more than one right value; <paramref name="expectation"/> says it in words.</summary>
    public void That(bool condition, string expectation, string? input = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expectation);
        if (!condition)
        {
            throw new MismatchException(new Mismatch(input, expectation));
        }

        Count++;
    }

    private void Compare(object? expected, object? actual, string? input, double tolerance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        (expected, actual) = (ValueDifference.Snapshot(expected), ValueDifference.Snapshot(actual));
        if (ValueDifference.Find(expected, actual, tolerance) is { } difference)
        {
            throw new MismatchException(new Mismatch(input, null, ValueText.Show(expected, tolerance), ValueText.Show(actual), difference));
        }

        Count++;
    }

    /// <summary>Ends a check at its first differing case.</summary>
    internal sealed class MismatchException(Mismatch mismatch) : Exception(mismatch.Describe())
    {
        public Mismatch Mismatch { get; } = mismatch;
    }
}

/// <summary>What a failed case shows: its input, the expected and the actual value, and where they differ.</summary>
internal sealed record Mismatch(string? Input, string? Expectation, string? Expected = null, string? Actual = null, string? Difference = null)
{
    public string Describe()
    {
        var lines = new List<string>();
        if (Input is not null)
        {
            lines.Add($"  input:    {Input}");
        }

        if (Expectation is not null)
        {
            lines.Add($"  expected: {Expectation}");
        }

        if (Expected is not null)
        {
            lines.Add($"  expected: {Expected}");
            lines.Add($"  actual:   {Actual}");
        }

        if (Difference is { Length: > 0 })
        {
            lines.Add($"  {Difference}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
