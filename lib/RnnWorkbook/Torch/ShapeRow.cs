using System.Globalization;

namespace RnnWorkbook.Torch;

/// <summary>One line of a shape walk: which step, which tensor, and its shape.</summary>
/// <param name="Step">What is being done, e.g. "encoder RNN".</param>
/// <param name="Tensor">The tensor's name, e.g. "h_n".</param>
/// <param name="Shape">Its shape, e.g. (4, 7, 32).</param>
public sealed record ShapeRow(string Step, string Tensor, IReadOnlyList<long> Shape)
{
    /// <summary>The shape as "(4, 7, 32)".</summary>
    public string ShapeText => "(" + string.Join(", ", Shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")";

    /// <summary>"step | tensor | (shape)".</summary>
    public override string ToString() => $"{Step} | {Tensor} | {ShapeText}";
}
