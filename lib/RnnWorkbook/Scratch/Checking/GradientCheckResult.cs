namespace RnnWorkbook.Scratch;

/// <summary>How well one analytic gradient matches its numerical estimate.</summary>
/// <param name="Index">Position of the array in the list checked (the layer's parameter order).</param>
/// <param name="Shape">The array's shape, e.g. "(4, 5)".</param>
/// <param name="RelativeError">‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖); below 1e-6 means they agree.</param>
/// <param name="MaxAbsoluteError">The largest |analytic − numeric| over the elements.</param>
/// <param name="Name">The parameter's name ("rnn.W_hh"), or "#i" for an unnamed array.</param>
public sealed record GradientCheckResult(int Index, string Shape, double RelativeError, double MaxAbsoluteError, string Name = "")
{
    /// <summary>One line for a report, e.g. "rnn.W_hh (20, 20): relative error 3.1E-010".</summary>
    public override string ToString() => $"{(Name.Length == 0 ? $"#{Index}" : Name)} {Shape}: relative error {RelativeError:E1}, max |Δ| {MaxAbsoluteError:E1}";
}
