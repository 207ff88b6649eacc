using RnnWorkbook.Display;

namespace RnnWorkbook.Tests.Display;

[Collection("Console")]
public class CheckTests
{
    private static (ExerciseOutcome Outcome, string Printed) Run(Func<bool> test)
    {
        var original = Console.Out;
        var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            return (Check.Exercise("Exercise 1", test, "count the vowels"), writer.ToString().Trim());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [Fact]
    public void A_correct_answer_passes()
    {
        Assert.Equal((ExerciseOutcome.Passed, "✓ Exercise 1: correct."), Run(() => true));
    }

    [Fact]
    public void A_wrong_answer_prints_the_hint()
    {
        Assert.Equal((ExerciseOutcome.NotYet, "✗ Exercise 1: not yet. Hint: count the vowels"), Run(() => false));
    }

    [Fact]
    public void A_stub_is_not_started()
    {
        Assert.Equal((ExerciseOutcome.NotStarted, "◻ Exercise 1: not done yet. Hint: count the vowels"), Run(() => throw new NotImplementedException()));
    }

    [Fact]
    public void A_bug_in_the_answer_is_reported_not_thrown()
    {
        var values = new int[1];
        var (outcome, printed) = Run(() => values[2] == 0);
        Assert.Equal(ExerciseOutcome.NotYet, outcome);
        Assert.StartsWith("✗ Exercise 1: your code threw IndexOutOfRangeException", printed);
    }

    [Theory]
    [InlineData(1.0, 1.0000001, 1e-6, true)]
    [InlineData(1000.0, 1000.5, 1e-3, true)]
    [InlineData(1.0, 1.01, 1e-3, false)]
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
