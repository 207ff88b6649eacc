namespace RnnWorkbook.Display;

/// <summary>What an exercise check found.</summary>
public enum ExerciseOutcome
{
    NotStarted,
    NotYet,
    Passed,
}
