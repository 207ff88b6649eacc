using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// What <see cref="Trainer{T}"/> needs from a language model: the loss of a batch, its gradients, the
/// parameters in a fixed order, and a way to forget the carried state. The RNN, LSTM and GRU models of the
/// chapters all keep it.
/// </summary>
public interface ILanguageModel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Every parameter of every layer, in a fixed order.</summary>
    IReadOnlyList<NdArray<T>> Params { get; }

    /// <summary>The gradients, in the order and shapes of <see cref="Params"/>.</summary>
    IReadOnlyList<NdArray<T>> Grads { get; }

    /// <summary>The mean cross-entropy of predicting ts (B, T) from xs (B, T).</summary>
    T Forward(NdArray<int> xs, NdArray<int> ts);

    /// <summary>Fills <see cref="Grads"/> with ∂L/∂parameter for the last Forward.</summary>
    void Backward();

    /// <summary>Forgets the hidden state carried between batches.</summary>
    void ResetState();
}
