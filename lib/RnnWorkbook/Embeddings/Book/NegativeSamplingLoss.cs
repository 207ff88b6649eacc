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
/// sum of k + 1 means over N.
/// </remarks>
public sealed class NegativeSamplingLoss<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly EmbeddingDot<T> _dot;
    private readonly SigmoidWithLoss<T> _loss = new();
    private int _n, _k;

    /// <summary>Wraps W_out (V, H) (not copied).</summary>
    public NegativeSamplingLoss(NdArray<T> wOut)
    {
        _dot = new EmbeddingDot<T>(wOut);
        Params = _dot.Params;
        Grads = _dot.Grads;
    }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Params { get; }

    /// <inheritdoc/>
    public IReadOnlyList<NdArray<T>> Grads { get; }

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

        int hidden = h.Dim(1), rows = _n * (_k + 1);
        var hRepeated = new NdArray<T>(rows, hidden);
        var ids = new NdArray<int>(rows);
        var labels = new NdArray<int>(rows);
        for (int n = 0; n < _n; n++)
        {
            for (int j = 0; j <= _k; j++)
            {
                int row = n * (_k + 1) + j;
                ids[row] = j == 0 ? targets[n] : negatives[n, j - 1];
                labels[row] = j == 0 ? 1 : 0;
                h.Data.AsSpan(n * hidden, hidden).CopyTo(hRepeated.Data.AsSpan(row * hidden, hidden));
            }
        }

        var scores = _dot.Forward(hRepeated, ids);
        return _loss.Forward(scores, labels) * T.CreateChecked(_k + 1);
    }

    /// <summary>Fills ∂L/∂W_out and returns ∂L/∂h (N, H), the sum over each example's k + 1 rows, both scaled by <paramref name="dout"/>.</summary>
    public NdArray<T> Backward(T dout)
    {
        var dScores = _loss.Backward(dout * T.CreateChecked(_k + 1));
        var dhRepeated = _dot.Backward(dScores);
        int hidden = dhRepeated.Dim(1);
        var dh = new NdArray<T>(_n, hidden);
        for (int row = 0; row < _n * (_k + 1); row++)
        {
            for (int d = 0; d < hidden; d++)
            {
                dh[row / (_k + 1), d] += dhRepeated[row, d];
            }
        }

        return dh;
    }
    #endregion
}
