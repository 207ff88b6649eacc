using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// The contract every layer keeps, as in "Deep Learning from Scratch 2": a layer owns its parameters (a
/// value and a gradient each, with a name), <c>Forward</c> computes the output and keeps what the backward
/// pass needs, and <c>Backward</c> takes ∂L/∂output, adds ∂L/∂parameter into each parameter's gradient and
/// returns ∂L/∂input.
/// </summary>
/// <remarks>
/// <para>Only <see cref="Parameters"/> is a member of the interface: it is what the optimizer, gradient
/// clipping, the gradient checker and the TorchSharp weight copy use without knowing the layer.
/// <c>Forward</c> and <c>Backward</c> are on every layer with the same names, but their arguments differ as
/// in the book (token ids in for embeddings, targets in for the loss, a carried hidden state for the cell).</para>
/// <para>Layers are written with the array operations of <see cref="Nd"/>, which never overwrite an array,
/// so the arrays a layer returns stay valid and may be passed on (chained) without copying. Calling
/// <c>Backward</c> before <c>Forward</c> fails with a message.</para>
/// <para>Layers are generic over the element type: <c>float</c> for training, <c>double</c> for the gradient
/// checks, which need central differences far below float's precision. The same code runs in both.</para>
/// </remarks>
public interface ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The named parameters in a fixed order; optimizers update their values in place.</summary>
    IReadOnlyList<Parameter<T>> Parameters { get; }
}
