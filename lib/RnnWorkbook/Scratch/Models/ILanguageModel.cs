using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// What <see cref="Trainer{T}"/> needs from a language model: the loss of a batch, its gradients, the named
/// parameters in a fixed order, a training/evaluation switch and a way to forget the carried state. The RNN,
/// LSTM and GRU models of the chapters all keep it.
/// </summary>
public interface ILanguageModel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Every parameter of every layer, each once (a tied weight appears once), with names such as "rnn.W_xh".</summary>
    IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>The values of <see cref="Parameters"/>, same order (the book's <c>model.params</c>).</summary>
    IReadOnlyList<NdArray<T>> Params { get; }

    /// <summary>The gradients of <see cref="Parameters"/>, same order (the book's <c>model.grads</c>).</summary>
    IReadOnlyList<NdArray<T>> Grads { get; }

    /// <summary>True while training (dropout active); false for evaluation and generation.</summary>
    bool Training { get; set; }

    /// <summary>The mean cross-entropy of predicting ts (B, T) from xs (B, T).</summary>
    T Forward(NdArray<int> xs, NdArray<int> ts);

    /// <summary>Fills the gradients with ∂L/∂parameter for the last Forward.</summary>
    void Backward();

    /// <summary>Forgets the hidden state carried between batches.</summary>
    void ResetState();
}
