namespace RnnWorkbook.Scratch;

/// <summary>
/// The size of the gradient at each step of a delayed-recall batch, walking back from a loss at the last step
/// (<see cref="DelayedRecall.GradientByStep"/>).
/// </summary>
/// <param name="Hidden">‖∂L/∂h_t‖ for t = 0 … T−1 (Frobenius norm over the batch).</param>
/// <param name="Cell">LSTM only: ‖∂L/∂C_{t-1}‖ leaving step t towards step t − 1, for t = 0 … T−1; null otherwise.</param>
/// <param name="ForgetGate">LSTM only: the mean forget gate f_t of step t over the batch and the units; null otherwise.</param>
public sealed record DelayedRecallGradients(double[] Hidden, double[]? Cell, double[]? ForgetGate)
{
    /// <summary>T, the number of steps.</summary>
    public int Steps => Hidden.Length;

    /// <summary>‖∂L/∂h‖ k steps back from the last step, over ‖∂L/∂h_{T-1}‖, for k = 0 … T−1.</summary>
    public double[] HiddenByDistance() => [.. Enumerable.Range(0, Steps).Select(k => Hidden[Steps - 1 - k] / Hidden[Steps - 1])];

    /// <summary>LSTM only: ‖∂L/∂C‖ k steps back, over the same ‖∂L/∂h_{T-1}‖, for k = 0 … T−1.</summary>
    public double[] CellByDistance() => Cell is null
        ? throw new InvalidOperationException("CellByDistance: only an LSTM has a cell state C.")
        : [.. Enumerable.Range(0, Steps).Select(k => Cell[Steps - 1 - k] / Hidden[Steps - 1])];
}
