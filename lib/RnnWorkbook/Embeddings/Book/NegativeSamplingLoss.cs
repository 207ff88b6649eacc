using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Embeddings;

/// <summary>
/// Negative sampling (the book's <c>NegativeSamplingLoss</c>, §4.2.7): the target word should score high
/// (label 1) and k sampled words low (label 0), each a binary decision through the sigmoid.
/// </summary>
/// <remarks>
/// Shapes: h (N, H), targets (N), negatives (N, k) → L; W_out (V, H).
/// <code>
///   L = (1/N) Σ_n [ −log σ(W_out[t_n] · h_n) − Σ_j log σ(−W_out[neg_nj] · h_n) ]
/// </code>
/// One <see cref="EmbeddingDot{T}"/> scores all N·(k+1) pairs at once: rows 0..k of example n are its target
/// and its negatives, all with the same h_n. The mean over those N·(k+1) scores, times k + 1, is the book's
/// sum of k + 1 means over N. ∂L/∂h_n is the sum of the k + 1 rows that repeated h_n.
/// </remarks>
public sealed class NegativeSamplingLoss<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly EmbeddingDot<T> _dot;
    private readonly SigmoidWithLoss<T> _loss = new();
    private int _n, _k;
    private bool _forwarded;

    /// <summary>Wraps W_out (V, H) (not copied).</summary>
    public NegativeSamplingLoss(NdArray<T> wOut)
        : this(new Parameter<T>("W_out", wOut))
    {
    }

    /// <summary>The loss on an existing (possibly shared) parameter W_out (V, H).</summary>
    public NegativeSamplingLoss(Parameter<T> wOut)
    {
        _dot = new EmbeddingDot<T>(wOut);
        Parameters = _dot.Parameters;
    }

    /// <summary>W_out.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    #region Layer
    /// <summary>The loss of scoring each target above its negatives.</summary>
    public T Forward(NdArray<T> h, int[] targets, int[,] negatives)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(negatives);
        (_n, _k) = (targets.Length, negatives.GetLength(1));
        if (h.Rank != 2 || h.Dim(0) != _n || negatives.GetLength(0) != _n)
        {
            throw new ArgumentException($"h, targets and negatives must have the same number of rows: {h.ShapeText}, {_n}, {negatives.GetLength(0)}.", nameof(negatives));
        }

        int rows = _n * (_k + 1);
        var ids = new NdArray<int>(rows);                       // row n·(k+1) + j: the target (j = 0) or negative j
        var labels = new NdArray<int>(rows);
        for (int n = 0; n < _n; n++)
        {
            for (int j = 0; j <= _k; j++)
            {
                int row = n * (_k + 1) + j;
                ids.Data[row] = j == 0 ? targets[n] : negatives[n, j - 1];
                labels.Data[row] = j == 0 ? 1 : 0;
            }
        }

        var scores = _dot.Forward(Rows.Repeat(h, _k + 1), ids);
        var loss = _loss.Forward(scores, labels) * T.CreateChecked(_k + 1);
        _forwarded = true;
        return loss;
    }

    /// <summary>Adds into ∂L/∂W_out and returns ∂L/∂h (N, H), both scaled by <paramref name="dout"/>.</summary>
    public NdArray<T> Backward(T dout)
    {
        if (!_forwarded)
        {
            throw new InvalidOperationException("NegativeSamplingLoss: call Forward before Backward.");
        }

        var dScores = _loss.Backward(dout * T.CreateChecked(_k + 1));
        var dhRepeated = _dot.Backward(dScores);
        return Rows.SumGroups(dhRepeated, _k + 1);
    }
    #endregion
}
