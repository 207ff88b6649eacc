using System.Numerics;

namespace RnnWorkbook.Scratch;

/// <summary>
/// Perplexity of a language model on held-out text, every token counted once: the text is read from start
/// to end as one stream, in blocks of T tokens, with the hidden state carried from block to block.
/// </summary>
/// <remarks>
/// The first token is predicted from <c>start</c> (for WikiText, the &lt;eos&gt; that ends the line before),
/// so a stream of N tokens gives N predictions, the same N an n-gram model over its lines is scored on.
/// Training batches (<see cref="TbpttBatcher"/>) cut the text into B streams and leave up to B·T tokens of it
/// out; an evaluation must not.
/// </remarks>
public static class HeldOutText
{
    /// <summary>The total −ln P of every token of <paramref name="ids"/> and the number of tokens.</summary>
    /// <param name="model">A stateful model (a stateless one forgets the text at every block).</param>
    /// <param name="ids">The text as ids.</param>
    /// <param name="start">The id read before the first token.</param>
    /// <param name="timeSize">Tokens per forward pass.</param>
    public static (double NegativeLogLikelihood, long Tokens) Score<T>(ILanguageModel<T> model, IReadOnlyList<int> ids, int start, int timeSize = 35)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeSize);
        if (ids.Count == 0)
        {
            throw new ArgumentException("ids: nothing to score.", nameof(ids));
        }

        model.ResetState();
        double total = 0;
        for (int from = 0; from < ids.Count; from += timeSize)
        {
            int length = Math.Min(timeSize, ids.Count - from);
            var xs = new NdArray<int>(1, length);
            var ts = new NdArray<int>(1, length);
            for (int t = 0; t < length; t++)
            {
                xs.Data[t] = from + t == 0 ? start : ids[from + t - 1];
                ts.Data[t] = ids[from + t];
            }

            total += double.CreateChecked(model.Forward(xs, ts)) * length; // Forward returns the mean over the block
        }

        model.ResetState();
        return (total, ids.Count);
    }

    /// <summary>exp(mean −ln P) over every token of <paramref name="ids"/>.</summary>
    public static double Perplexity<T>(ILanguageModel<T> model, IReadOnlyList<int> ids, int start, int timeSize = 35)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (nll, tokens) = Score(model, ids, start, timeSize);
        return Math.Exp(nll / tokens);
    }
}
