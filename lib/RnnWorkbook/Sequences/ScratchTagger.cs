using System.Numerics;
using RnnWorkbook.Scratch;

namespace RnnWorkbook.Sequences;

/// <summary>
/// The tagger from the scratch layers: one <see cref="TimeEmbedding{T}"/> per feature, concatenated, a
/// <see cref="Bidirectional{T}"/> of two <see cref="TimeLstm{T}"/>s, and a <see cref="TimeAffine{T}"/> scoring
/// every tag at every position; the same computation as <see cref="SequenceTagger"/>.
/// </summary>
/// <remarks>
/// Parameters: embedding_k.W_e (V_k, D_k); fw.W_x (ΣD, 4H), fw.W_h (H, 4H), fw.b (4H) and the same for bw;
/// affine.W (2H, tags), affine.b (tags). Forward: ids (B, T) per feature → scores (B, T, tags).
/// </remarks>
public sealed class ScratchTagger<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly TimeEmbedding<T>[] _embeddings;
    private readonly int[] _embeddingSizes;
    private readonly Bidirectional<T> _recurrent;
    private readonly TimeAffine<T> _affine;
    private int _batch, _time;

    /// <summary>Random weights (normal, scale 0.1) from <paramref name="random"/>.</summary>
    public ScratchTagger(IReadOnlyList<int> featureSizes, IReadOnlyList<int> embeddingSizes, int hiddenSize, int tagCount, NormalRandom random)
    {
        ArgumentNullException.ThrowIfNull(featureSizes);
        ArgumentNullException.ThrowIfNull(embeddingSizes);
        ArgumentNullException.ThrowIfNull(random);
        if (featureSizes.Count == 0 || featureSizes.Count != embeddingSizes.Count)
        {
            throw new ArgumentException($"embeddingSizes: expected one size per feature ({featureSizes.Count}), got {embeddingSizes.Count}.", nameof(embeddingSizes));
        }

        _embeddingSizes = [.. embeddingSizes];
        _embeddings = [.. featureSizes.Select((v, k) => new TimeEmbedding<T>(new Parameter<T>($"embedding_{k}.W_e", random.Randn<T>(0.1, v, embeddingSizes[k]))))];
        int d = embeddingSizes.Sum(), h = hiddenSize;
        TimeLstm<T> Direction(string name) => new(
            new Parameter<T>($"{name}.W_x", random.Randn<T>(0.1, d, 4 * h)),
            new Parameter<T>($"{name}.W_h", random.Randn<T>(0.1, h, 4 * h)),
            new Parameter<T>($"{name}.b", random.Randn<T>(0.1, 4 * h)),
            stateful: false);
        _recurrent = new Bidirectional<T>(Direction("fw"), Direction("bw"));
        _affine = new TimeAffine<T>(new Parameter<T>("affine.W", random.Randn<T>(0.1, 2 * h, tagCount)), new Parameter<T>("affine.b", random.Randn<T>(0.1, tagCount)));
        Parameters = Parameter<T>.Distinct([.. _embeddings.SelectMany(e => e.Parameters), .. _recurrent.Parameters, .. _affine.Parameters]);
    }

    /// <summary>Every parameter by name.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>Scores (B, T, tags) from one (B, T) id array per feature.</summary>
    public NdArray<T> Forward(IReadOnlyList<NdArray<int>> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count != _embeddings.Length)
        {
            throw new ArgumentException($"ids: expected one array per feature ({_embeddings.Length}), got {ids.Count}.", nameof(ids));
        }

        (_batch, _time) = (ids[0].Dim(0), ids[0].Dim(1));
        var es = _embeddings.Select((e, k) => e.Forward(ids[k]).Reshape(_batch * _time, _embeddingSizes[k])).ToArray();
        var xs = Nd.ConcatCols<T>(es).Reshape(_batch, _time, -1);   // e_t = [E_0[x_t,0] ; … ; E_{K−1}[x_t,K−1]]
        var hs = _recurrent.Forward(xs);                              // [→h_t ; ←h_t]
        return _affine.Forward(hs);                                   // s_t = h_t W + b
    }

    /// <summary>Adds every parameter's gradient given ∂L/∂scores (B, T, tags).</summary>
    public void Backward(NdArray<T> dscores)
    {
        var dxs = _recurrent.Backward(_affine.Backward(dscores)).Reshape(_batch * _time, -1);
        for (int k = 0, offset = 0; k < _embeddings.Length; offset += _embeddingSizes[k], k++)
        {
            _embeddings[k].Backward(dxs.Cols(offset, offset + _embeddingSizes[k]).Reshape(_batch, _time, _embeddingSizes[k]));
        }
    }
}
