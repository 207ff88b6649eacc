using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Classification;

/// <summary>
/// Pooling over the real steps of a padded batch (padding never contributes), forward and backward.
/// </summary>
/// <remarks>
/// <code>
///   last:  v_b = h_{b, len_b − 1}                        ∂L/∂h_{b,t} = ∂L/∂v_b  if t = len_b − 1, else 0
///   mean:  v_b = (1/len_b) Σ_{t &lt; len_b} h_{b,t}        ∂L/∂h_{b,t} = ∂L/∂v_b / len_b  for t &lt; len_b
///   max:   v_{b,j} = max_{t &lt; len_b} h_{b,t,j}          ∂L/∂h_{b,t,j} = ∂L/∂v_{b,j}  at the arg max only
/// </code>
/// </remarks>
public sealed class Pooling<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[]? _lengths, _argMax;
    private int _time, _hidden;

    /// <summary>A pooling layer of the given kind.</summary>
    public Pooling(PoolingKind kind) => Kind = kind;

    /// <summary>Last step, mean or max.</summary>
    public PoolingKind Kind { get; }

    #region Forward
    /// <summary>hs (B, T, H) and each row's real length → v (B, H).</summary>
    public NdArray<T> Forward(NdArray<T> hs, IReadOnlyList<int> lengths)
    {
        ShapeCheck.Require(hs, nameof(hs), ShapeCheck.Any, ShapeCheck.Any, ShapeCheck.Any);
        ArgumentNullException.ThrowIfNull(lengths);
        int batch = hs.Dim(0), time = hs.Dim(1), hidden = hs.Dim(2);
        RequireLengths(lengths, batch, time);
        var v = Nd.Zeros<T>(batch, hidden);
        var argMax = Kind == PoolingKind.Max ? new int[batch * hidden] : null;
        for (int b = 0; b < batch; b++)
        {
            int len = lengths[b];
            for (int j = 0; j < hidden; j++)
            {
                v[b, j] = Kind switch
                {
                    PoolingKind.LastStep => hs[b, len - 1, j],
                    PoolingKind.Mean => MeanOver(hs, b, j, len),
                    _ => MaxOver(hs, b, j, len, out argMax![(b * hidden) + j]),
                };
            }
        }

        (_lengths, _argMax, _time, _hidden) = ([.. lengths], argMax, time, hidden);
        return v;
    }
    #endregion

    #region Backward
    /// <summary>∂L/∂v (B, H) → ∂L/∂hs (B, T, H), zero on padding.</summary>
    public NdArray<T> Backward(NdArray<T> dv)
    {
        var lengths = _lengths ?? throw new InvalidOperationException("Pooling: call Forward before Backward.");
        ShapeCheck.Require(dv, nameof(dv), lengths.Length, _hidden);
        var dhs = Nd.Zeros<T>(lengths.Length, _time, _hidden);
        for (int b = 0; b < lengths.Length; b++)
        {
            int len = lengths[b];
            for (int j = 0; j < _hidden; j++)
            {
                T g = dv[b, j];
                switch (Kind)
                {
                    case PoolingKind.LastStep:
                        dhs[b, len - 1, j] = g;
                        break;
                    case PoolingKind.Mean:
                        for (int t = 0; t < len; t++)
                        {
                            dhs[b, t, j] = g / T.CreateChecked(len);
                        }

                        break;
                    default:
                        dhs[b, _argMax![(b * _hidden) + j], j] = g;
                        break;
                }
            }
        }

        return dhs;
    }
    #endregion

    private static T MeanOver(NdArray<T> hs, int b, int j, int len)
    {
        T sum = T.Zero;
        for (int t = 0; t < len; t++)
        {
            sum += hs[b, t, j];
        }

        return sum / T.CreateChecked(len);
    }

    private static T MaxOver(NdArray<T> hs, int b, int j, int len, out int argMax)
    {
        argMax = 0;
        for (int t = 1; t < len; t++)
        {
            if (hs[b, t, j] > hs[b, argMax, j])
            {
                argMax = t;
            }
        }

        return hs[b, argMax, j];
    }

    internal static void RequireLengths(IReadOnlyList<int> lengths, int batch, int time)
    {
        if (lengths.Count != batch)
        {
            throw new ArgumentException($"lengths: expected {batch} lengths (one per row), got {lengths.Count}.", nameof(lengths));
        }

        for (int b = 0; b < batch; b++)
        {
            if (lengths[b] < 1 || lengths[b] > time)
            {
                throw new ArgumentOutOfRangeException(nameof(lengths), lengths[b], $"lengths[{b}] must lie in 1 … {time} (T).");
            }
        }
    }
}
