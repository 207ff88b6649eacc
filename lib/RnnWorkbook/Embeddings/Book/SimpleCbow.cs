using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Embeddings;

/// <summary>
/// The book's simple CBOW (§3.4): average the input vectors of the context words, score every word of the
/// vocabulary with the output matrix, and take softmax cross-entropy against the target word.
/// </summary>
/// <remarks>
/// Shapes: contexts (N, C), targets (N) → L; W_in (V, H), W_out (H, V).
/// <code>
///   h = (1/C) Σ_c W_in[context_c]      s = h W_out      L = −(1/N) Σ_n log softmax(s_n)[target_n]
/// </code>
/// The input side is chapter 5's <see cref="Embedding{T}"/> (the book multiplies one-hot vectors by W_in; the
/// lookup gives the same rows), the loss is <see cref="SoftmaxWithLoss{T}"/>. The full softmax costs O(V·H) per
/// example, which is what negative sampling removes.
/// </remarks>
public sealed class SimpleCbow<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Embedding<T> _in;
    private readonly MatMul<T> _out;
    private readonly SoftmaxWithLoss<T> _loss = new();
    private int _c;
    private bool _forwarded;

    /// <summary>Creates the model with W_in and W_out drawn as 0.01·N(0, 1) (the book's initialization).</summary>
    public SimpleCbow(int vocabularySize, int hiddenSize, int seed = Workbook.DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        var random = new NormalRandom(seed);
        _in = new Embedding<T>(new Parameter<T>("W_in", random.Randn<T>(0.01, vocabularySize, hiddenSize)));
        _out = new MatMul<T>(random.Randn<T>(0.01, hiddenSize, vocabularySize), "W_out");
        Parameters = [.. _in.Parameters, .. _out.Parameters];
    }

    /// <summary>W_in (V, H), W_out (H, V).</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>The word vectors: the rows of W_in.</summary>
    public NdArray<T> WordVectors => Parameters[0].Value;

    #region Forward
    /// <summary>The mean cross-entropy of predicting each target from its contexts.</summary>
    public T Forward(int[,] contexts, int[] targets)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(targets);
        int n = contexts.GetLength(0);
        _c = contexts.GetLength(1);
        if (targets.Length != n)
        {
            throw new ArgumentException($"targets: expected {n} ids (one per row of contexts), got {targets.Length}.", nameof(targets));
        }

        var x = _in.Forward(ContextWindows.Flatten(contexts));                 // (N·C, H): row n·C + c is W_in[contexts_nc]
        var h = Rows.SumGroups(x, _c) * (T.One / T.CreateChecked(_c));   // (N, H): the mean of each row's C vectors
        var s = _out.Forward(h);                                   // (N, V)
        var loss = _loss.Forward(s, new NdArray<int>(targets, n));

        _forwarded = true;
        return loss;
    }
    #endregion

    #region Backward
    /// <summary>Adds the gradients of W_in and W_out for the last Forward.</summary>
    public void Backward()
    {
        if (!_forwarded)
        {
            throw new InvalidOperationException("SimpleCbow: call Forward before Backward.");
        }

        var ds = _loss.Backward();
        var dh = _out.Backward(ds);
        _in.Backward(Rows.Repeat(dh * (T.One / T.CreateChecked(_c)), _c));   // each context word gets dh / C
    }
    #endregion
}
