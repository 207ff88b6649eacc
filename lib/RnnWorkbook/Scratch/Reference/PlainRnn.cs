using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// The vanilla RNN of chapters 5 and 6 written as plain loops, one multiply-add at a time, so that every
/// equation can be followed index by index. It is also an independent reference for <see cref="RnnCell{T}"/>
/// and <see cref="TimeRnn{T}"/>, which compute the same numbers with blocked, vectorised products.
/// </summary>
/// <remarks>
/// Shapes: x_t (B, D), h_t (B, H), xs (B, T, D), hs (B, T, H); W_xh (D, H), W_hh (H, H), b (H).
/// <code>
///   h_t = tanh(x_t W_xh + h_{t-1} W_hh + b)        t = 1 … T, h_0 the initial state
/// </code>
/// Arrays count from 0: hs[:, t − 1, :] holds h_t. Every call allocates its results and keeps nothing,
/// which makes it slow; the layers are what trains.
/// </remarks>
public static class PlainRnn
{
    #region Step
    /// <summary>One time step for a batch: h_t = tanh(x_t W_xh + h_{t-1} W_hh + b), x_t (B, D), h_{t-1} (B, H).</summary>
    public static NdArray<T> Step<T>(NdArray<T> x, NdArray<T> hPrev, NdArray<T> wxh, NdArray<T> whh, NdArray<T> b)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = wxh.Dim(0), h = wxh.Dim(1);
        if (x.Rank != 2 || x.Dim(1) != d || hPrev.Rank != 2 || hPrev.Dim(0) != x.Dim(0) || hPrev.Dim(1) != h
            || whh.Dim(0) != h || whh.Dim(1) != h || b.Length != h)
        {
            throw new ArgumentException($"x {x.ShapeText}, h_prev {hPrev.ShapeText}, W_xh {wxh.ShapeText}, W_hh {whh.ShapeText}, " +
                $"b {b.ShapeText}: expected (B, D), (B, H), (D, H), (H, H), (H).");
        }

        int batch = x.Dim(0);
        var hNext = new NdArray<T>(batch, h);
        for (int n = 0; n < batch; n++)
        {
            for (int j = 0; j < h; j++)
            {
                T a = b[j];
                for (int i = 0; i < d; i++)
                {
                    a += x[n, i] * wxh[i, j];
                }

                for (int k = 0; k < h; k++)
                {
                    a += hPrev[n, k] * whh[k, j];
                }

                hNext[n, j] = T.Tanh(a);
            }
        }

        return hNext;
    }
    #endregion

    #region Forward
    /// <summary>Unrolls the RNN over xs (B, T, D) from the initial state h0 (B, H): every h_t in hs (B, T, H).</summary>
    public static NdArray<T> Forward<T>(NdArray<T> xs, NdArray<T> h0, NdArray<T> wxh, NdArray<T> whh, NdArray<T> b)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (xs.Rank != 3)
        {
            throw new ArgumentException($"xs: expected (B, T, D), got {xs.ShapeText}.", nameof(xs));
        }

        int batch = xs.Dim(0), time = xs.Dim(1), d = xs.Dim(2), h = wxh.Dim(1);
        var hs = new NdArray<T>(batch, time, h);
        var hPrev = h0;
        for (int t = 0; t < time; t++)
        {
            var x = new NdArray<T>(batch, d);
            for (int n = 0; n < batch; n++)
            {
                for (int i = 0; i < d; i++)
                {
                    x[n, i] = xs[n, t, i];
                }
            }

            // The same weights at every step: this loop is the "unrolled" network.
            var hNext = Step(x, hPrev, wxh, whh, b);
            for (int n = 0; n < batch; n++)
            {
                for (int j = 0; j < h; j++)
                {
                    hs[n, t, j] = hNext[n, j];
                }
            }

            hPrev = hNext;
        }

        return hs;
    }
    #endregion

    #region Backward
    /// <summary>
    /// Backpropagation through time. Given the forward pass (xs, h0, hs) and dhs (B, T, H), the gradient that
    /// reaches each h_t from above (its output), walks back from the last step to the first and returns the
    /// gradients of the weights, of every input, of h0, and the total ∂L/∂h_t each state received.
    /// </summary>
    public static PlainRnnGradients<T> Backward<T>(
        NdArray<T> xs, NdArray<T> h0, NdArray<T> hs, NdArray<T> dhs, NdArray<T> wxh, NdArray<T> whh)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = wxh.Dim(0), h = wxh.Dim(1);
        if (xs.Rank != 3 || xs.Dim(2) != d || hs.Rank != 3 || hs.Dim(0) != xs.Dim(0) || hs.Dim(1) != xs.Dim(1) || hs.Dim(2) != h
            || !dhs.SameShape(hs) || h0.Rank != 2 || h0.Dim(0) != xs.Dim(0) || h0.Dim(1) != h)
        {
            throw new ArgumentException($"xs {xs.ShapeText}, h0 {h0.ShapeText}, hs {hs.ShapeText}, dhs {dhs.ShapeText}: " +
                $"expected (B, T, {d}), (B, {h}), (B, T, {h}), (B, T, {h}).");
        }

        int batch = xs.Dim(0), time = xs.Dim(1);
        var dWxh = new NdArray<T>(d, h);
        var dWhh = new NdArray<T>(h, h);
        var db = new NdArray<T>(h);
        var dxs = new NdArray<T>(batch, time, d);
        var dhTotal = new NdArray<T>(batch, time, h);
        var dhNext = new NdArray<T>(batch, h); // ∂L/∂h_t arriving from step t + 1; nothing after the last step
        for (int t = time - 1; t >= 0; t--)
        {
            var dhPrev = new NdArray<T>(batch, h);
            for (int n = 0; n < batch; n++)
            {
                for (int j = 0; j < h; j++)
                {
                    T dh = dhs[n, t, j] + dhNext[n, j];          // from the output above and from the future
                    dhTotal[n, t, j] = dh;
                    T da = dh * (T.One - hs[n, t, j] * hs[n, t, j]); // tanh'(a) = 1 − h²
                    db[j] += da;
                    for (int i = 0; i < d; i++)
                    {
                        dWxh[i, j] += xs[n, t, i] * da;
                        dxs[n, t, i] += da * wxh[i, j];
                    }

                    for (int k = 0; k < h; k++)
                    {
                        T hPrev = t == 0 ? h0[n, k] : hs[n, t - 1, k];
                        dWhh[k, j] += hPrev * da;
                        dhPrev[n, k] += da * whh[k, j];
                    }
                }
            }

            dhNext = dhPrev;
        }

        return new PlainRnnGradients<T>(dWxh, dWhh, db, dxs, dhTotal, dhNext);
    }
    #endregion
}
