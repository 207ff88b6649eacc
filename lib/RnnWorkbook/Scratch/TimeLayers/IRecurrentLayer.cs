using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// A recurrent layer over a whole sequence, xs (B, T, D) → hs (B, T, H): what <see cref="StackedRecurrent{T}"/>
/// and <see cref="Bidirectional{T}"/> build on, so they work with any cell (<see cref="TimeLstm{T}"/>,
/// <see cref="TimeGru{T}"/>).
/// </summary>
public interface IRecurrentLayer<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>D, the input size.</summary>
    int InputSize { get; }

    /// <summary>H, the size of each output h_t.</summary>
    int HiddenSize { get; }

    /// <summary>When true, each Forward starts from the state the previous one ended with (truncated BPTT).</summary>
    bool Stateful { get; set; }

    /// <summary>Runs the layer over xs (B, T, D) and returns hs (B, T, H).</summary>
    NdArray<T> Forward(NdArray<T> xs);

    /// <summary>Takes ∂L/∂hs (B, T, H); adds to the parameter gradients and returns ∂L/∂xs (B, T, D).</summary>
    NdArray<T> Backward(NdArray<T> dhs);

    /// <summary>Forgets the carried state.</summary>
    void ResetState();
}
