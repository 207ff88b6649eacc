using RnnWorkbook.Display;

namespace RnnWorkbook.Tests.Display;

[Collection("Console")]
public class CheckTests
{
    private static readonly string[] s_hints = ["look at the last character", "compare it with the two before it"];

    private static (ExerciseOutcome Outcome, string Printed) Printed(Func<ExerciseOutcome> run)
    {
        var original = Console.Out;
        var writer = new StringWriter { NewLine = "\n" };
        Console.SetOut(writer);
        try
        {
            return (run(), writer.ToString().TrimEnd());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    // Each test uses its own exercise name: hints are counted per name for the whole process.
    private static (ExerciseOutcome Outcome, string Printed) Run(string name, Action<ExerciseCheck> check) =>
        Printed(() => Check.Exercise(name, check, s_hints));

    private static string Lines(params string[] lines) => string.Join("\n", lines).Replace("\n", Environment.NewLine, StringComparison.Ordinal);

    [Fact]
    public void A_correct_answer_passes_and_counts_its_cases()
    {
        Assert.Equal((ExerciseOutcome.Passed, "✓ upper: correct (2 cases)."),
            Run("upper", e => e.Cases([("ab", "AB"), ("", "")], s => s.ToUpperInvariant())));
        Assert.Equal((ExerciseOutcome.Passed, "✓ one case: correct."), Run("one case", e => e.Equal(4, 2 + 2)));
    }

    [Fact]
    public void A_wrong_string_shows_input_expected_actual_the_first_differing_character_and_the_first_hint()
    {
        var (outcome, printed) = Run("collapse", e => e.Cases([("aa", "aa"), ("soooo good", "soo good")], s => s.Replace("oo", "o", StringComparison.Ordinal)));

        Assert.Equal(ExerciseOutcome.NotYet, outcome);
        Assert.Equal(Lines(
            "✗ collapse: not yet.",
            "  input:    \"soooo good\"",
            "  expected: \"soo good\"",
            "  actual:   \"soo god\"",
            "  first difference at index 6 (character 7): expected 'o' (U+006F), got 'd' (U+0064)",
            "  hint 1 of 2: look at the last character"), printed);
    }

    [Fact]
    public void Hints_are_graded_one_per_failed_attempt_then_point_to_the_solution()
    {
        string LastLine() => Run("graded", e => e.Equal(1, 2)).Printed.Split(Environment.NewLine)[^1];

        Assert.Equal("  hint 1 of 2: look at the last character", LastLine());
        Assert.Equal("  hint 2 of 2: compare it with the two before it", LastLine());
        Assert.Equal("  (no more hints: that was the last of 2; the worked solution is folded below the check cell.)", LastLine());
    }

    [Fact]
    public void A_hint_can_be_asked_for_and_counts_as_shown()
    {
        Assert.Equal("No exercise named \"asked\" has been checked yet: run its check cell once, then ask again.",
            Printed(() => { Check.Hint("asked"); return ExerciseOutcome.NotStarted; }).Printed);
        Run("asked", _ => throw new NotImplementedException());
        Assert.Equal("asked: hint 1 of 2: look at the last character", Printed(() => { Check.Hint("asked"); return ExerciseOutcome.NotStarted; }).Printed);
        Assert.EndsWith("hint 2 of 2: compare it with the two before it", Run("asked", e => e.Equal("a", "b")).Printed);
    }

    [Fact]
    public void A_stub_reads_as_not_done_yet_without_hints()
    {
        Assert.Equal((ExerciseOutcome.NotStarted,
            "◻ stub: not done yet: the stub still throws NotImplementedException. Write its body, run that cell, then this one. Stuck? Check.Hint(\"stub\") gives a nudge."),
            Run("stub", e => e.Cases([(1, 1)], _ => throw new NotImplementedException())));
    }

    [Fact]
    public void Any_exception_in_the_attempt_is_a_failure_naming_it_and_the_input()
    {
        var (outcome, printed) = Run("throws", e => e.Cases([("abc", 'c'), ("", ' ')], s => s[^1]));

        Assert.Equal(ExerciseOutcome.NotYet, outcome);
        Assert.Equal(Lines(
            "✗ throws: your code threw IndexOutOfRangeException on input \"\": Index was outside the bounds of the array.",
            "  hint 1 of 2: look at the last character"), printed);
        Assert.StartsWith("✗ throws too: your code threw FormatException: ",
            Run("throws too", e => e.Equal(1, int.Parse("x", System.Globalization.CultureInfo.InvariantCulture))).Printed);
    }

    [Fact]
    public void Numbers_are_compared_within_the_tolerance_and_show_it()
    {
        Assert.Equal(ExerciseOutcome.Passed, Run("close", e => e.Close(0.5, 0.5000001)).Outcome);
        Assert.Equal(Lines(
            "✗ share: not yet.",
            "  input:    the king is dead",
            "  expected: 0.5 (± 1E-06)",
            "  actual:   0.25",
            "  off by -0.25 (allowed: ± 1E-06)"), Run("share", e => e.Close(0.5, 0.25, "the king is dead")).Printed.Split(Environment.NewLine)[..5].Aggregate((a, b) => a + Environment.NewLine + b));
    }

    [Fact]
    public void Sequences_are_compared_to_the_first_differing_index_and_by_length()
    {
        Assert.Equal("  first difference at index 2: expected 3, got 4",
            Run("sequence", e => e.Equal<int[]>([1, 2, 3], [1, 2, 4])).Printed.Split(Environment.NewLine)[3]);
        Assert.Equal("  the answer has 2 items, expected 3: from index 2 on it is missing \"c\"",
            Run("shorter", e => e.Equal<string[]>(["a", "b", "c"], ["a", "b"])).Printed.Split(Environment.NewLine)[3]);
        Assert.Equal("  first difference at index 1: expected 0.2 (± 1E-06), got 0.3 (off by 0.1 (allowed: ± 1E-06))",
            Run("nested numbers", e => e.Equal<double[]>([0.1, 0.2], [0.1, 0.3])).Printed.Split(Environment.NewLine)[3]);
    }

    [Fact]
    public void A_lazy_answer_is_enumerated_once()
    {
        var enumerations = 0;
        IEnumerable<int> Lazy()
        {
            enumerations++;
            yield return 1;
            yield return 5;
        }

        var printed = Run("lazy", e => e.Equal<IEnumerable<int>>([1, 2], Lazy())).Printed.Split(Environment.NewLine);

        Assert.Equal(1, enumerations);
        Assert.Equal(["  expected: [1, 2]", "  actual:   [1, 5]"], printed[1..3]);
    }

    [Fact]
    public void Dictionaries_tuples_and_matrices_name_where_they_differ()
    {
        Assert.Equal("  at key \"b\": expected 2, got 3",
            Run("counts", e => e.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, new Dictionary<string, int> { ["a"] = 1, ["b"] = 3 })).Printed.Split(Environment.NewLine)[3]);
        Assert.Equal("  key \"b\" is missing (expected value 2)",
            Run("missing key", e => e.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, new Dictionary<string, int> { ["a"] = 1 })).Printed.Split(Environment.NewLine)[3]);
        Assert.Equal("  item 2 differs: expected \"th\", got \"he\" (first difference at index 0 (character 1): expected 't' (U+0074), got 'h' (U+0068))",
            Run("pair", e => e.Equal(("t", "th"), ("t", "he"))).Printed.Split(Environment.NewLine)[3]);
        Assert.Equal("  first difference at [1, 0]: expected 3, got 5",
            Run("matrix", e => e.Equal(new[,] { { 1, 2 }, { 3, 4 } }, new[,] { { 1, 2 }, { 5, 4 } })).Printed.Split(Environment.NewLine)[3]);
        Assert.Equal("  shape: expected 2×2, got 1×2",
            Run("shape", e => e.Equal(new[,] { { 1, 2 }, { 3, 4 } }, new[,] { { 1, 2 } })).Printed.Split(Environment.NewLine)[3]);
    }

    [Fact]
    public void A_longer_string_names_what_follows()
    {
        Assert.Equal("  the answer is longer: after 2 characters it continues with \"\\n!\"",
            Run("longer", e => e.Equal("ab", "ab\n!")).Printed.Split(Environment.NewLine)[3]);
    }

    [Fact]
    public void A_property_check_says_what_was_expected()
    {
        Assert.Equal(Lines(
            "✗ property: not yet.",
            "  input:    [3, 1, 2]",
            "  expected: a permutation of the input"), string.Join(Environment.NewLine, Run("property", e => e.That(false, "a permutation of the input", "[3, 1, 2]")).Printed.Split(Environment.NewLine)[..3]));
    }

    [Fact]
    public void A_check_that_compares_nothing_is_an_authoring_error()
    {
        Assert.StartsWith("✗ empty: your code threw InvalidOperationException: the check of 'empty' compared nothing",
            Run("empty", _ => { }).Printed);
    }

    [Fact]
    public void A_yes_no_check_still_works_but_says_it_cannot_name_the_case()
    {
        Assert.Equal((ExerciseOutcome.Passed, "✓ yes-no: correct."), Printed(() => Check.Exercise("yes-no", () => true, "a hint")));
        Assert.Equal(Lines(
            "✗ yes-no false: not yet.",
            "  expected: the check's condition is false (this check cannot say which case failed).",
            "  hint 1 of 1: a hint"), Printed(() => Check.Exercise("yes-no false", () => false, "a hint")).Printed);
    }

    [Fact]
    public void Interrupts_are_not_swallowed()
    {
        Assert.Throws<OperationCanceledException>(() => Check.Exercise("interrupted", _ => throw new OperationCanceledException()));
    }

    [Theory]
    [InlineData(1.0, 1.0000001, 1e-6, true)]
    [InlineData(1000.0, 1000.5, 1e-3, true)]
    [InlineData(1.0, 1.01, 1e-3, false)]
    [InlineData(double.NaN, double.NaN, 1e-3, true)]
    [InlineData(0.0, double.NaN, 1e-3, false)]
    public void Close_uses_a_relative_tolerance_above_one(double expected, double actual, double tolerance, bool close)
    {
        Assert.Equal(close, Check.Close(expected, actual, tolerance));
    }

    [Fact]
    public void Live_progress_reports_synchronously_in_order()
    {
        var seen = new List<int>();
        var progress = LiveProgress.Of<int>(seen.Add);
        for (var i = 0; i < 5; i++)
        {
            progress.Report(i);
        }

        Assert.Equal([0, 1, 2, 3, 4], seen);
    }
}
