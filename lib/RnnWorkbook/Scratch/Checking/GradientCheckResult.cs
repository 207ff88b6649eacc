namespace RnnWorkbook.Scratch;

/// <summary>How well one analytic gradient matches its numerical estimate.</summary>
/// <param name="Index">Position of the array in the list checked (the layer's parameter order).</param>
/// <param name="Shape">The array's shape, e.g. "(4, 5)".</param>
/// <param name="RelativeError">‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖); below 1e-6 means they agree.</param>
/// <param name="MaxAbsoluteError">The largest |analytic − numeric| over the elements.</param>
public sealed record GradientCheckResult(int Index, string Shape, double RelativeError, double MaxAbsoluteError);
