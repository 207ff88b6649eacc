namespace RnnWorkbook.Scratch;

/// <summary>The outcome of <see cref="HelloRnn.Train"/>.</summary>
/// <param name="Model">The trained model.</param>
/// <param name="Losses">The loss at every step.</param>
/// <param name="Predicted">The argmax prediction after each character of "hell"; "ello" when it has learned.</param>
public sealed record HelloRnnResult(SimpleRnnLm<float> Model, IReadOnlyList<double> Losses, string Predicted);
