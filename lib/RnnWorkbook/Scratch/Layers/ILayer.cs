using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// The contract every layer keeps, as in "Deep Learning from Scratch 2": a layer owns its parameters and
/// their gradients, <c>Forward</c> computes the output and keeps what the backward pass needs, and
/// <c>Backward</c> takes ∂L/∂output, writes ∂L/∂parameter into <see cref="Grads"/> and returns ∂L/∂input.
/// </summary>
/// <remarks>
/// <para>Only <see cref="Params"/> and <see cref="Grads"/> are members of the interface: they are what the
/// optimizer, gradient clipping and the gradient checker use without knowing the layer. <c>Forward</c> and
/// <c>Backward</c> are on every layer with the same names, but their arguments differ as in the book (token
/// ids in for embeddings, targets in for the loss, a carried hidden state for the cell), and one signature
/// for all would need an input bag or methods that throw.</para>
/// <para>Arrays returned by <c>Forward</c> and <c>Backward</c> belong to the layer and are overwritten by the
/// next call, so a training step allocates nothing; <see cref="NdArray{T}.Clone"/> one to keep it.</para>
/// <para>Layers are generic over the element type: <c>float</c> for training, <c>double</c> for the gradient
/// checks, which need central differences far below float's precision. The same code runs in both.</para>
/// </remarks>
public interface ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The parameters in a fixed order; optimizers update these arrays in place.</summary>
    IReadOnlyList<NdArray<T>> Params { get; }

    /// <summary>∂L/∂parameter, in the order and shapes of <see cref="Params"/>; written by <c>Backward</c>.</summary>
    IReadOnlyList<NdArray<T>> Grads { get; }
}
